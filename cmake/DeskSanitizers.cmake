# AddressSanitizer + UndefinedBehaviorSanitizer for the test build; any UB aborts.
add_library(desk_sanitizers INTERFACE)
if(DESK_SANITIZE)
  set(DESK_SANITIZE_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=undefined
                          -fno-omit-frame-pointer)
  target_compile_options(desk_sanitizers INTERFACE ${DESK_SANITIZE_FLAGS})
  target_link_options(desk_sanitizers INTERFACE ${DESK_SANITIZE_FLAGS})
  # desk starts thousands of times in the end-to-end tests, and with both
  # sanitizers each start cost 166 ms (5 ms plain): UBSan's records of its
  # check sites filled 126 MB of .data, because ASan gave each record a red
  # zone as it does any global, and every start relocated them (PIE),
  # registered them and LeakSanitizer scanned them. Leaving globals out of
  # ASan's checks (GCC's asan-globals; the clang fuzz build keeps them) and
  # linking at fixed addresses brings a start to 37 ms: the suite under
  # the sanitizers ran for nine of CI's thirty minutes.
  target_compile_options(desk_sanitizers INTERFACE -fno-pie)
  target_link_options(desk_sanitizers INTERFACE -no-pie)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(desk_sanitizers INTERFACE --param=asan-globals=0)
  endif()
endif()

# The fuzz preset: libdesk instrumented for libFuzzer (the targets add
# -fsanitize=fuzzer when they link), with the same sanitizers.
if(DESK_FUZZ)
  set(_fuzz -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
            -fno-omit-frame-pointer)
  target_compile_options(desk_sanitizers INTERFACE ${_fuzz})
  target_link_options(desk_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
