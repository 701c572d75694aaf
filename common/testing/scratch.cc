#include "common/testing/scratch.h"

#include <unistd.h>

#include <fstream>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace claims {

std::string ScratchPath(absl::string_view name) {
  const ::testing::TestInfo* test =
      ::testing::UnitTest::GetInstance()->current_test_info();
  return absl::StrCat(::testing::TempDir(), "/", ::getpid(), "-",
                      test != nullptr ? test->name() : "no-test", "-", name);
}

std::string WriteScratchFile(absl::string_view name, absl::string_view text) {
  std::string path = ScratchPath(name);
  std::ofstream(path) << text;
  return path;
}

}  // namespace claims
