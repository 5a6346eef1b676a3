"""Fills a blank 检查底稿 (from `svcaudit new --format xlsx`) with the answers of a visit YAML
file, the way an inspector would type them in Excel: answer words and numbers in the item
columns, the reason in the 备注 column. Usage: fill_workbook.py BLANK.xlsx VISIT.yaml OUT.xlsx"""
import sys

import openpyxl
import yaml

blank, visit_path, out = sys.argv[1:4]
visit = yaml.load(open(visit_path, encoding="utf-8"), Loader=yaml.BaseLoader)  # every scalar as text
wb = openpyxl.load_workbook(blank)
ws = wb.active
header = {c.value: c.column for c in ws[1]}


def fill(row, answers):
    for item, answer in (answers or {}).items():
        if isinstance(answer, dict):
            value, note = answer["result"], answer.get("note")
        else:
            value, note = answer, None
        # Numbers as numbers, as Excel stores what is typed into a cell.
        try:
            value = int(value)
        except ValueError:
            try:
                value = float(value)
            except ValueError:
                pass
        ws.cell(row, header[item]).value = value
        if note:
            ws.cell(row, header[item + "备注"]).value = note


for row in range(2, ws.max_row + 1):
    staff_id = ws.cell(row, header["工号"]).value
    if staff_id is None:
        fill(row, visit.get("results"))
    else:
        fill(row, next(s for s in visit["staff"] if s["id"] == staff_id).get("results"))
wb.save(out)
