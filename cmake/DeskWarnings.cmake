# Warnings as an INTERFACE target, linked by every target we build, instead of
# global flag strings.
add_library(desk_warnings INTERFACE)
target_compile_options(desk_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                               -Wold-style-cast -Wcast-align -Woverloaded-virtual)
if(DESK_DEV)
  target_compile_options(desk_warnings INTERFACE -Werror)
endif()
# g++ 12 at -O2 and above (the release preset) warns that std::string's own
# inlined memcpy may overlap (-Wrestrict, "accessing 9223372036854775810 or
# more bytes") where code only assigns or appends strings: GCC bugs 105329
# and 105651. Off for that compiler's release builds alone, so that they are
# as quiet as the dev build.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(desk_warnings INTERFACE $<$<CONFIG:Release>:-Wno-restrict>)
endif()
