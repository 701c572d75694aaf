// Where the bundled data (knowledge/: kb, taxonomy, extract, models) is for
// tests and tools run from a build tree: $CLAIMS_DATA_DIR when set, else the
// source tree's knowledge/ folder.
#ifndef CLAIMS_COMMON_UTIL_BUNDLED_DATA_H_
#define CLAIMS_COMMON_UTIL_BUNDLED_DATA_H_

#include <cstdlib>
#include <string>

namespace claims {

inline std::string BundledDataDir() {
  const char* env = std::getenv("CLAIMS_DATA_DIR");
  return env != nullptr ? env : CLAIMS_SOURCE_DATA_DIR;
}

}  // namespace claims

#endif  // CLAIMS_COMMON_UTIL_BUNDLED_DATA_H_
