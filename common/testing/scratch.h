// Scratch files for unit tests. CTest runs every test as a process of its
// own, several at once, so a fixed name under the temporary directory is a
// race between tests: a scratch path carries the process id and the running
// test's name. Call from inside a test body (it asks gtest which test runs).
#ifndef CLAIMS_COMMON_TESTING_SCRATCH_H_
#define CLAIMS_COMMON_TESTING_SCRATCH_H_

#include <string>

#include "absl/strings/string_view.h"

namespace claims {

// <temp dir>/<pid>-<test>-<name>; nothing is created. Whatever the test
// program leaves at that path (file or folder) is removed when it ends.
std::string ScratchPath(absl::string_view name);

// Writes `text` to ScratchPath(name) and returns the path.
std::string WriteScratchFile(absl::string_view name, absl::string_view text);

}  // namespace claims

#endif  // CLAIMS_COMMON_TESTING_SCRATCH_H_
