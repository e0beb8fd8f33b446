# Thin wrapper over CMake. `make` builds build/hlffi, build/libhlffi.so and build/libhlffi.a.
# `make install` installs them (PREFIX, default /usr/local; DESTDIR for staging): the library with its
# SONAME, the headers, the hlffi command, the CMake package (find_package(hlffi)) and hlffi.pc.
BUILD ?= build
CMAKE_FLAGS ?=
PREFIX ?= /usr/local

.PHONY: all test check example install fuzz-long clean

all:
	cmake -S . -B $(BUILD) -DHLFFI_WERROR=ON -DCMAKE_INSTALL_PREFIX=$(PREFIX) $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j$$(nproc)

install: all
	DESTDIR="$(DESTDIR)" cmake --install $(BUILD)

# The quick loop: build and run the ctest suite of the default build.
test: all
	cd $(BUILD) && ctest --output-on-failure -j$$(nproc)

# Everything CI runs (every configuration, sanitizers, valgrind, a short fuzz run).
check:
	bash scripts/test.sh

example:
	bash scripts/example.sh

# Fuzz load + verify for an hour (HLFFI_FUZZ_SECONDS to change), seeded from the test corpus.
fuzz-long: all
	cd $(BUILD) && ctest -R hx_build_corpus --output-on-failure
	cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DHLFFI_FUZZ=ON -DHLFFI_WERROR=ON
	cmake --build build-fuzz -j$$(nproc) --target fuzz_load
	bash tests/fuzz/run_fuzz.sh build-fuzz $${HLFFI_FUZZ_SECONDS:-3600} $(BUILD)/tests/hx/corpus

clean:
	rm -rf build build-* 
