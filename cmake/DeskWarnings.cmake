# Warnings as an INTERFACE target, linked by every target we build, instead of
# global flag strings.
add_library(desk_warnings INTERFACE)
target_compile_options(desk_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                               -Wold-style-cast -Wcast-align -Woverloaded-virtual)
if(DESK_DEV)
  target_compile_options(desk_warnings INTERFACE -Werror)
endif()
