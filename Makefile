# Thin wrapper over build.sh / CMake presets for developers.
.PHONY: run test release debug bench fuzz format clean
run:
	./build.sh run
test:
	./build.sh test
release:
	./build.sh build release
debug:
	./build.sh build debug
bench:
	./build.sh build bench
fuzz:
	./build.sh build fuzz
format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')
clean:
	rm -rf build
