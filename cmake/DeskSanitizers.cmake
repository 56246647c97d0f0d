# AddressSanitizer + UndefinedBehaviorSanitizer for the test build; any UB aborts.
add_library(desk_sanitizers INTERFACE)
if(DESK_SANITIZE)
  set(_san -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_compile_options(desk_sanitizers INTERFACE ${_san})
  target_link_options(desk_sanitizers INTERFACE ${_san})
endif()

# The fuzz preset: libdesk instrumented for libFuzzer (the targets add
# -fsanitize=fuzzer when they link), with the same sanitizers.
if(DESK_FUZZ)
  set(_fuzz -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
            -fno-omit-frame-pointer)
  target_compile_options(desk_sanitizers INTERFACE ${_fuzz})
  target_link_options(desk_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
