#include "common/testing/scratch.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "gtest/gtest.h"

namespace claims {
namespace {

// Every scratch path handed out, removed when the test program ends (a
// test that fails halfway still leaves nothing in the temporary directory).
class ScratchCleaner : public ::testing::Environment {
 public:
  void Add(std::string path) {
    absl::MutexLock lock(&mu_);
    paths_.push_back(std::move(path));
  }
  void TearDown() override {
    absl::MutexLock lock(&mu_);
    for (const std::string& path : paths_) {
      std::error_code ec;
      std::filesystem::remove_all(path, ec);
    }
    paths_.clear();
  }

 private:
  absl::Mutex mu_;
  std::vector<std::string> paths_;
};

// gtest owns and deletes the environment after the last test.
ScratchCleaner* const cleaner = static_cast<ScratchCleaner*>(
    ::testing::AddGlobalTestEnvironment(new ScratchCleaner));

}  // namespace

std::string ScratchPath(absl::string_view name) {
  const ::testing::TestInfo* test =
      ::testing::UnitTest::GetInstance()->current_test_info();
  std::string path = absl::StrCat(::testing::TempDir(), "/", ::getpid(), "-",
                                  test != nullptr ? test->name() : "no-test", "-", name);
  cleaner->Add(path);
  return path;
}

std::string WriteScratchFile(absl::string_view name, absl::string_view text) {
  std::string path = ScratchPath(name);
  std::ofstream(path) << text;
  return path;
}

}  // namespace claims
