// The doctest runner for lib/. Every run happens inside a fresh temporary
// directory, removed on success and kept (and named) on failure, so a failing
// test leaves its evidence behind.
#define DOCTEST_CONFIG_IMPLEMENT
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include <doctest/doctest.h>

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::string pattern = (fs::temp_directory_path() / "desk-unit-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    std::cerr << "desk_unit: cannot create a temporary directory\n";
    return 70;
  }
  fs::path dir = pattern;
  fs::path origin = fs::current_path();
  fs::current_path(dir);
  // Tests must not depend on the developer's zone or desk settings.
  setenv("TZ", "UTC", 1);
  unsetenv("DESK_CONFIG");
  unsetenv("DESK_DB");
  unsetenv("DESK_USER");

  doctest::Context context;
  context.applyCommandLine(argc, argv);
  int result = context.run();

  fs::current_path(origin);
  if (result == 0 && !context.shouldExit()) {
    std::error_code ec;
    fs::remove_all(dir, ec);
  } else if (result != 0) {
    std::cerr << "desk_unit: kept the test directory " << dir << "\n";
  } else {
    fs::remove_all(dir);
  }
  return result;
}
