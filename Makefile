# hugeresv - GNU Make build.
#
#   make            release build: build/libhugeresv.a,
#                   build/libhugeresv.so.X.Y.Z (SONAME libhugeresv.so.X) and
#                   its links, build/hugeresv
#   make install    PREFIX=/usr/local, DESTDIR honoured (make uninstall too):
#                   bin/hugeresv, lib/libhugeresv.{so*,a}, include/hugeresv.h,
#                   lib/pkgconfig/hugeresv.pc, share/man/man{1,5}
#   make check      the release build, the test build (ASan + UBSan,
#                   validators after every step) in build-check/, then
#                   every test through prove (TAP)
#   make bench      benchmarks (ratios, not absolute times); BASELINE=OLD
#                   also times an earlier build's faults beside this one
#   make coverage   gcov of the engine over every scenario: the error paths
#   make fuzz       libFuzzer harnesses (clang) for FUZZ_TIME seconds each,
#                   in build-fuzz/ (docs/fuzzing-harnesses.md)
#   make fuzz-replay  the harnesses over their corpora and fuzz/findings/,
#                   without libFuzzer (cc + ASan/UBSan)
#   make valgrind   every scenario and both corpora under valgrind, on a
#                   plain -O1 -g build in build-vg/
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
CLI_SRC := $(sort $(filter-out cli/main.c,$(wildcard cli/*.c cli/*/*.c)))
CLI_HDR := $(wildcard cli/*.h cli/*/*.h)
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))

# The version: include/hugeresv.h's HR_VERSION_MAJOR/MINOR/PATCH, the one
# place it is written down.
hr_version_field = $(shell sed -n 's/^.define HR_VERSION_$(1)  *\([0-9][0-9]*\)$$/\1/p' include/hugeresv.h)
VERSION_MAJOR := $(call hr_version_field,MAJOR)
VERSION := $(VERSION_MAJOR).$(call hr_version_field,MINOR).$(call hr_version_field,PATCH)
ifeq ($(words $(subst ., ,$(VERSION))),3)
else
$(error cannot read HR_VERSION_MAJOR/MINOR/PATCH from include/hugeresv.h)
endif
SO_NAME := libhugeresv.so.$(VERSION_MAJOR)
SO_FILE := libhugeresv.so.$(VERSION)

# --- release build ----------------------------------------------------------
B := build
LIB_OBJ := $(LIB_SRC:%.c=$(B)/%.o)
LIB_PIC := $(LIB_SRC:%.c=$(B)/pic/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(B)/%.o)

CFLAGS_REL := $(CSTD) $(WARN) $(INC) $(OPT) $(CFLAGS)

all: $(B)/libhugeresv.a $(B)/libhugeresv.so $(B)/hugeresv

$(B)/%.o: %.c $(wildcard include/*.h src/*.h) $(CLI_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_REL) -c -o $@ $<

$(B)/pic/%.o: %.c $(wildcard include/*.h src/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_REL) -fPIC -c -o $@ $<

# Only the functions include/hugeresv.h marks HR_EXPORT leave the library:
# every other symbol of src/ is hidden, also in the static library's
# objects (so that a shared object linking libhugeresv.a does not
# re-export the engine's internals either).  The command and the tests
# link the static library and still reach the internals they test.
$(LIB_OBJ) $(LIB_PIC): CFLAGS_REL += -fvisibility=hidden

$(B)/libhugeresv.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

# libhugeresv.so.MAJOR.MINOR.PATCH with SONAME libhugeresv.so.MAJOR, and
# the two links: .so.MAJOR (what the dynamic loader looks for) and .so
# (what -lhugeresv finds at link time).
$(B)/$(SO_FILE): $(LIB_PIC)
	$(CC) -shared -Wl,-soname,$(SO_NAME) -o $@ $^ $(LDFLAGS)

$(B)/$(SO_NAME): $(B)/$(SO_FILE)
	ln -sf $(SO_FILE) $@

$(B)/libhugeresv.so: $(B)/$(SO_NAME)
	ln -sf $(SO_NAME) $@

$(B)/hugeresv: $(B)/cli/main.o $(CLI_OBJ) $(B)/libhugeresv.a
	$(CC) -o $@ $^ $(LDFLAGS) -lm

# --- install ----------------------------------------------------------------
# make install [PREFIX=/usr/local] [DESTDIR=...]: the command, the shared
# library with its links, the static library, the header, hugeresv.pc
# (with this PREFIX and LIBDIR) and whatever man pages docs/man/ has.
# DESTDIR is prepended to every path and written into none (staged
# installs, packages); PREFIX and LIBDIR are what hugeresv.pc says.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
MANDIR ?= $(PREFIX)/share/man
INSTALL ?= install
# The dynamic loader's cache, refreshed after a real (DESTDIR-less) install
# as root; LDCONFIG=: skips it.
LDCONFIG ?= ldconfig
MAN1 := $(wildcard docs/man/*.1)
MAN5 := $(wildcard docs/man/*.5)

# hugeresv.pc's paths under ${prefix} when they are, so the file still
# reads right when the tree is moved.
pc_path = $(patsubst $(PREFIX)/%,$${prefix}/%,$(1))

install: all
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
		$(DESTDIR)$(PKGCONFIGDIR)
	$(INSTALL) -m 755 $(B)/hugeresv $(DESTDIR)$(BINDIR)/hugeresv
	$(INSTALL) -m 755 $(B)/$(SO_FILE) $(DESTDIR)$(LIBDIR)/$(SO_FILE)
	ln -sf $(SO_FILE) $(DESTDIR)$(LIBDIR)/$(SO_NAME)
	ln -sf $(SO_NAME) $(DESTDIR)$(LIBDIR)/libhugeresv.so
	$(INSTALL) -m 644 $(B)/libhugeresv.a $(DESTDIR)$(LIBDIR)/libhugeresv.a
	$(INSTALL) -m 644 include/hugeresv.h $(DESTDIR)$(INCLUDEDIR)/hugeresv.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(call pc_path,$(LIBDIR))|' \
		-e 's|@INCLUDEDIR@|$(call pc_path,$(INCLUDEDIR))|' -e 's|@VERSION@|$(VERSION)|' \
		hugeresv.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/hugeresv.pc
	chmod 644 $(DESTDIR)$(PKGCONFIGDIR)/hugeresv.pc
ifneq ($(MAN1),)
	$(INSTALL) -d $(DESTDIR)$(MANDIR)/man1
	$(INSTALL) -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1/
endif
ifneq ($(MAN5),)
	$(INSTALL) -d $(DESTDIR)$(MANDIR)/man5
	$(INSTALL) -m 644 $(MAN5) $(DESTDIR)$(MANDIR)/man5/
endif
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ]; then $(LDCONFIG) || true; fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/hugeresv \
		$(DESTDIR)$(LIBDIR)/$(SO_FILE) $(DESTDIR)$(LIBDIR)/$(SO_NAME) \
		$(DESTDIR)$(LIBDIR)/libhugeresv.so $(DESTDIR)$(LIBDIR)/libhugeresv.a \
		$(DESTDIR)$(INCLUDEDIR)/hugeresv.h $(DESTDIR)$(PKGCONFIGDIR)/hugeresv.pc \
		$(addprefix $(DESTDIR)$(MANDIR)/man1/,$(notdir $(MAN1))) \
		$(addprefix $(DESTDIR)$(MANDIR)/man5/,$(notdir $(MAN5)))

# --- test build -------------------------------------------------------------
T := build-check
CFLAGS_CHK := $(CSTD) $(WARN) $(INC) -O1 -g $(SAN) -DHR_DEBUG=1 $(CFLAGS)
T_LIB_OBJ := $(LIB_SRC:%.c=$(T)/%.o)
T_CLI_OBJ := $(CLI_SRC:%.c=$(T)/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(T)/unit/%)

$(T)/%.o: %.c $(wildcard include/*.h src/*.h) $(CLI_HDR)
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

# test_phys compiles the real src/phys.c into itself with shims for
# hr_bug() and check_fail() (the tools/testing/vma way), so it is linked
# alone: with the library its phys_*() and shims would be defined twice.
$(T)/unit/test_phys: tests/unit/test_phys.c src/phys.c tests/unit/tap.h cli/prng.h $(wildcard include/*.h src/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_CHK) -Itests/unit -o $@ $<

# the fuzz harnesses' replay drivers (fuzz/replay.c), for tests/fuzz-replay.t
$(T)/fuzz/replay-%: $(T)/fuzz/fuzz_%.o $(T)/fuzz/replay.o $(T_CLI_OBJ) $(T)/libhugeresv.a
	$(CC) $(SAN) -o $@ $^ -lm

# the busy neighbour of tests/kernel-busy.t (memory only, no settings)
$(T)/thp-noise: tests/thp-noise.c
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) -O2 $(CFLAGS) -o $@ $<

check-build: $(T)/hugeresv $(UNIT_BIN) $(T)/fuzz/replay-parse $(T)/fuzz/replay-engine \
	$(T)/thp-noise

# reached only through the pattern rules above: keep them between runs
.SECONDARY: $(T)/fuzz/fuzz_parse.o $(T)/fuzz/fuzz_engine.o $(T)/fuzz/replay.o

# TESTS: which tests/*.t to run (default all of them)
TESTS ?= $(sort $(wildcard tests/*.t))

# `all` too: tests/install.t installs the release build, which must be
# complete (and not being built beside it) when prove starts.
check: check-build all
	@command -v prove >/dev/null || { echo "prove not found: apt-get install perl"; exit 1; }
	HUGERESV=$(CURDIR)/$(T)/hugeresv UNITDIR=$(CURDIR)/$(T)/unit FUZZDIR=$(CURDIR)/$(T)/fuzz \
	HR_NOISE=$(CURDIR)/$(T)/thp-noise \
	HR_SRCDIR=$(CURDIR) HR_MAKE="$(MAKE)" HR_CC="$(CC)" prove -f $(strip $(TESTS))

# BASELINE=OLD-HUGERESV adds the fault rate of an earlier build, side by side
bench: $(B)/hugeresv
	@BASELINE="$(BASELINE)" sh bench/run.sh

# --- coverage of the error paths (gcov) ------------------------------------
C := build-cov
CFLAGS_COV := $(CSTD) $(WARN) $(INC) -O0 -g --coverage -DHR_DEBUG=1 $(CFLAGS)
C_LIB_OBJ := $(LIB_SRC:%.c=$(C)/%.o)
C_CLI_OBJ := $(CLI_SRC:%.c=$(C)/%.o)

$(C)/%.o: %.c $(wildcard include/*.h src/*.h) $(CLI_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COV) -c -o $@ $<

$(C)/hugeresv: $(C)/cli/main.o $(C_CLI_OBJ) $(C_LIB_OBJ)
	$(CC) --coverage -o $@ $^ -lm

coverage: $(C)/hugeresv
	@find $(C) -name '*.gcda' -delete
	@sh tests/coverage.sh

# --- fuzzing (docs/fuzzing-harnesses.md) -----------------------------------
# The harnesses are fuzz/fuzz_parse.c (the scenario parser) and
# fuzz/fuzz_engine.c (the library API).  `make fuzz` builds them with
# clang's libFuzzer into build-fuzz/ and runs each for FUZZ_TIME seconds
# (FUZZ_TARGETS: which ones), one at a time; `make fuzz-merge` adds the new
# inputs that reach new coverage to fuzz/corpus/; fuzz/replay.c runs a
# harness over files without libFuzzer.
F := build-fuzz
FUZZ_CC ?= clang
FUZZ_TIME ?= 60
FUZZ_TARGETS ?= parse engine
FUZZ_SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
CFLAGS_FUZZ := $(CSTD) $(WARN) $(INC) -O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN) -DHR_DEBUG=1 $(CFLAGS)
F_LIB_OBJ := $(LIB_SRC:%.c=$(F)/%.o)
F_CLI_OBJ := $(CLI_SRC:%.c=$(F)/%.o)
FUZZ_NEEDS := make fuzz needs clang and its libFuzzer runtime (on Debian 12: apt-get \
	install clang libclang-rt-14-dev; the runtime is only a Recommends of clang-14). \
	make fuzz-replay needs neither.

# Is there a clang that links -fsanitize=fuzzer?  Exit status 2 if not.
$(F)/.libfuzzer-ok:
	@mkdir -p $(F)
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || { echo "make fuzz: $(FUZZ_CC) not found. $(FUZZ_NEEDS)" >&2; exit 2; }
	@printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' > $(F)/probe.c
	@$(FUZZ_CC) -fsanitize=fuzzer,address,undefined -o $(F)/probe $(F)/probe.c > $(F)/probe.log 2>&1 || \
		{ cat $(F)/probe.log >&2; echo "make fuzz: $(FUZZ_CC) -fsanitize=fuzzer does not link. $(FUZZ_NEEDS)" >&2; exit 2; }
	@touch $@

$(F)/%.o: %.c $(wildcard include/*.h src/*.h) $(CLI_HDR) | $(F)/.libfuzzer-ok
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CFLAGS_FUZZ) -c -o $@ $<

$(F)/libhugeresv.a: $(F_LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(F)/fuzz-parse: $(F)/fuzz/fuzz_parse.o $(F_CLI_OBJ) $(F)/libhugeresv.a
	$(FUZZ_CC) -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $^ -lm

$(F)/fuzz-engine: $(F)/fuzz/fuzz_engine.o $(F)/libhugeresv.a
	$(FUZZ_CC) -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $^ -lm

fuzz-build: $(FUZZ_TARGETS:%=$(F)/fuzz-%)

fuzz: fuzz-build
	@sh fuzz/run.sh $(F) $(FUZZ_TIME) $(FUZZ_TARGETS)

# Add the inputs of the last `make fuzz` that reach new coverage to the
# seed corpora: libFuzzer -merge=1 keeps the seeds and adds only those;
# -use_counters=0 counts new edges only (not new hit counts of known
# edges), which keeps the corpora in git small.
fuzz-merge: fuzz-build
	@mkdir -p $(F)/logs
	@for h in $(FUZZ_TARGETS); do \
		test -d $(F)/corpus/$$h || continue; \
		before=$$(ls fuzz/corpus/$$h | wc -l); \
		$(F)/fuzz-$$h -merge=1 -use_counters=0 fuzz/corpus/$$h $(F)/corpus/$$h > $(F)/logs/$$h-merge.log 2>&1 || \
			{ tail -n 20 $(F)/logs/$$h-merge.log; exit 1; }; \
		echo "fuzz-merge: $$h: $$before -> $$(ls fuzz/corpus/$$h | wc -l) inputs in fuzz/corpus/$$h"; \
	done

# The replay drivers: the harnesses without libFuzzer, $(CC) with the
# sanitizers and -DHR_DEBUG=1 (the objects of the test build).
$(F)/replay-%: $(T)/fuzz/fuzz_%.o $(T)/fuzz/replay.o $(T_CLI_OBJ) $(T)/libhugeresv.a
	@mkdir -p $(dir $@)
	$(CC) $(SAN) -o $@ $^ -lm

fuzz-replay: $(F)/replay-parse $(F)/replay-engine
	$(F)/replay-parse fuzz/corpus/parse
	$(F)/replay-engine fuzz/corpus/engine
	@status=0; for h in parse engine; do \
		test -d fuzz/findings/$$h || continue; \
		ex='*.md'; test $$h = parse || ex='*.scn'; \
		for f in $$(find fuzz/findings/$$h -type f ! -name '*.md' ! -name "$$ex" | sort); do \
			if $(F)/replay-$$h -q $$f > $(F)/finding.log 2>&1; then \
				echo "fuzz-replay: $$f: fixed (no longer crashes)"; \
			else \
				echo "fuzz-replay: $$f: STILL CRASHES (fuzz/findings/README.md)"; \
				grep -E 'invariant|engine bug|ERROR:|runtime error|fuzz_(parse|engine):' $(F)/finding.log | head -n 3 | sed 's/^/    /'; \
				status=1; \
			fi; \
		done; \
	done; exit $$status

# --- valgrind ---------------------------------------------------------------
V := build-vg
CFLAGS_VG := $(CSTD) $(WARN) $(INC) -O1 -g $(CFLAGS)
V_LIB_OBJ := $(LIB_SRC:%.c=$(V)/%.o)
V_CLI_OBJ := $(CLI_SRC:%.c=$(V)/%.o)

$(V)/%.o: %.c $(wildcard include/*.h src/*.h) $(CLI_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_VG) -c -o $@ $<

$(V)/libhugeresv.a: $(V_LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(V)/hugeresv: $(V)/cli/main.o $(V_CLI_OBJ) $(V)/libhugeresv.a
	$(CC) -o $@ $^ -lm

$(V)/replay-%: $(V)/fuzz/fuzz_%.o $(V)/fuzz/replay.o $(V_CLI_OBJ) $(V)/libhugeresv.a
	$(CC) -o $@ $^ -lm

.SECONDARY: $(V)/fuzz/fuzz_parse.o $(V)/fuzz/fuzz_engine.o $(V)/fuzz/replay.o

valgrind: $(V)/hugeresv $(V)/replay-parse $(V)/replay-engine
	@command -v valgrind >/dev/null || { echo "valgrind not found: apt-get install valgrind"; exit 2; }
	@sh fuzz/valgrind.sh $(V)

# --- guests (cli/vm/, docs/kernel-backend.md) --------------------------------
# build-vm/hugeresv: the release build linked statically, the agent that
# runs inside a qemu guest's initramfs (the guest has no libc of its own).
# make check-vm: the whole corpus through `diff --vm` on Debian's 6.1 and
# 6.12 cloud kernels (needs qemu-system-x86, busybox-static, cpio, apt);
# minutes under TCG, so not part of `make check` (tests/vm.t is the smoke
# test there).  VM_KERNELS picks the kernels.
W := build-vm
W_LIB_OBJ := $(LIB_SRC:%.c=$(W)/%.o)
W_CLI_OBJ := $(CLI_SRC:%.c=$(W)/%.o)
VM_KERNELS ?= 6.1 6.12

$(W)/%.o: %.c $(wildcard include/*.h src/*.h) $(CLI_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_REL) -c -o $@ $<

$(W)/hugeresv: $(W)/cli/main.o $(W_CLI_OBJ) $(W_LIB_OBJ)
	$(CC) -static -o $@ $^ -lm

# Each kernel's whole output goes to build-vm/diff-KERNEL.out; the
# mismatches and the summary are printed.  The engine models 6.18, so the
# older kernels do differ: this target reports, it does not fail on
# mismatches (only when a guest cannot be run at all).  diff takes the
# directory itself (every *.scn under it, sorted by path, as $(sort)
# would); VM_CORPUS only counts them for the heading.
VM_CORPUS = $(sort $(shell find scenarios -name '*.scn'))

check-vm: $(B)/hugeresv $(W)/hugeresv
	@for k in $(VM_KERNELS); do \
		echo "== diff --vm $$k: $(words $(VM_CORPUS)) files"; \
		start=$$(date +%s); \
		HUGERESV_VM_AGENT=$(CURDIR)/$(W)/hugeresv $(B)/hugeresv diff --vm $$k \
			scenarios > $(W)/diff-$$k.out; rc=$$?; \
		grep -E ': (MISMATCH|error)' $(W)/diff-$$k.out; tail -n 2 $(W)/diff-$$k.out; \
		echo "($$(( $$(date +%s) - start )) s; full output in $(W)/diff-$$k.out)"; \
		[ $$rc -le 1 ] || exit $$rc; \
	done

clean:
	rm -rf $(B) $(T) $(C) $(F) $(V) $(W)

.PHONY: all install uninstall check check-build bench coverage clean check-vm
.PHONY: fuzz fuzz-build fuzz-merge fuzz-replay valgrind
