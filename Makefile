# hugeresv - GNU Make build.
#
#   make            release build: build/libhugeresv.a, build/libhugeresv.so,
#                   build/hugeresv
#   make check      test build (ASan + UBSan, validators after every step)
#                   in build-check/, then every test through prove (TAP)
#   make bench      benchmarks (ratios, not absolute times)
#   make coverage   gcov of the engine over every scenario: the error paths
#   make clean
#
# No dependency beyond a C11 compiler, GNU Make and (for check) perl's
# prove.  CC=clang works too.

CC      ?= cc
CSTD    := -std=c11 -D_GNU_SOURCE
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
INC     := -Iinclude -Isrc -Icli
OPT     ?= -O2 -g
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

LIB_SRC := $(sort $(wildcard src/*.c))
CLI_SRC := $(sort $(filter-out cli/main.c,$(wildcard cli/*.c)))
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))

# --- release build ----------------------------------------------------------
B := build
LIB_OBJ := $(LIB_SRC:%.c=$(B)/%.o)
LIB_PIC := $(LIB_SRC:%.c=$(B)/pic/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(B)/%.o)

CFLAGS_REL := $(CSTD) $(WARN) $(INC) $(OPT) $(CFLAGS)

all: $(B)/libhugeresv.a $(B)/libhugeresv.so $(B)/hugeresv

$(B)/%.o: %.c $(wildcard include/*.h src/*.h cli/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_REL) -c -o $@ $<

$(B)/pic/%.o: %.c $(wildcard include/*.h src/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_REL) -fPIC -c -o $@ $<

$(B)/libhugeresv.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/libhugeresv.so: $(LIB_PIC)
	$(CC) -shared -o $@ $^ $(LDFLAGS)

$(B)/hugeresv: $(B)/cli/main.o $(CLI_OBJ) $(B)/libhugeresv.a
	$(CC) -o $@ $^ $(LDFLAGS) -lm

# --- test build -------------------------------------------------------------
T := build-check
CFLAGS_CHK := $(CSTD) $(WARN) $(INC) -O1 -g $(SAN) -DHR_DEBUG=1 $(CFLAGS)
T_LIB_OBJ := $(LIB_SRC:%.c=$(T)/%.o)
T_CLI_OBJ := $(CLI_SRC:%.c=$(T)/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(T)/unit/%)

$(T)/%.o: %.c $(wildcard include/*.h src/*.h cli/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_CHK) -c -o $@ $<

$(T)/libhugeresv.a: $(T_LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(T)/hugeresv: $(T)/cli/main.o $(T_CLI_OBJ) $(T)/libhugeresv.a
	$(CC) $(SAN) -o $@ $^ -lm

$(T)/unit/%: tests/unit/%.c tests/unit/tap.h $(T_CLI_OBJ) $(T)/libhugeresv.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_CHK) -Itests/unit -o $@ $< $(T_CLI_OBJ) $(T)/libhugeresv.a -lm

check-build: $(T)/hugeresv $(UNIT_BIN)

check: check-build
	@command -v prove >/dev/null || { echo "prove not found: apt-get install perl"; exit 1; }
	HUGERESV=$(CURDIR)/$(T)/hugeresv UNITDIR=$(CURDIR)/$(T)/unit prove -f tests/*.t

bench: $(B)/hugeresv
	@sh bench/run.sh

# --- coverage of the error paths (gcov) ------------------------------------
C := build-cov
CFLAGS_COV := $(CSTD) $(WARN) $(INC) -O0 -g --coverage -DHR_DEBUG=1 $(CFLAGS)
C_LIB_OBJ := $(LIB_SRC:%.c=$(C)/%.o)
C_CLI_OBJ := $(CLI_SRC:%.c=$(C)/%.o)

$(C)/%.o: %.c $(wildcard include/*.h src/*.h cli/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COV) -c -o $@ $<

$(C)/hugeresv: $(C)/cli/main.o $(C_CLI_OBJ) $(C_LIB_OBJ)
	$(CC) --coverage -o $@ $^ -lm

coverage: $(C)/hugeresv
	@find $(C) -name '*.gcda' -delete
	@sh tests/coverage.sh

clean:
	rm -rf $(B) $(T) $(C)

.PHONY: all check check-build bench coverage clean
