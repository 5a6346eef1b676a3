/* The physical floor for svcaudit's input pipeline: walk the directory trees given on the
 * command line, read every *.yaml file and parse it with libyaml's event API on one thread,
 * discarding the events. Prints the number of files and events read.
 *
 *   cc -O2 -o yaml_floor yaml_floor.c $(pkg-config --cflags --libs yaml-0.1)
 */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static unsigned long files, events, failures;
static unsigned char *buf;
static size_t cap;

static int visit(const char *path, const struct stat *st, int type, struct FTW *ftw) {
    (void)ftw;
    size_t n = strlen(path);
    if (type != FTW_F || n < 5 || strcmp(path + n - 5, ".yaml") != 0) return 0;
    FILE *f = fopen(path, "rb");
    if (!f) { failures++; return 0; }
    size_t size = (size_t)st->st_size;
    if (size + 1 > cap) { cap = size + 1; buf = realloc(buf, cap); }
    size_t got = fread(buf, 1, size, f);
    fclose(f);

    yaml_parser_t parser;
    yaml_event_t event;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, buf, got);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) { failures++; break; }
        events++;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
    files++;
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: yaml_floor DIR...\n"); return 64; }
    for (int i = 1; i < argc; i++)
        if (nftw(argv[i], visit, 32, FTW_PHYS) != 0) { perror(argv[i]); return 1; }
    printf("%lu files, %lu events, %lu failures\n", files, events, failures);
    return failures ? 1 : 0;
}
