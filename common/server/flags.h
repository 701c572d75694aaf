// Command-line parsing where every flag also has an environment-variable
// equivalent: --data_dir can be given as CLAIMS_DATA_DIR. The command line
// wins over the environment; both win over the built-in default.
#ifndef CLAIMS_COMMON_SERVER_FLAGS_H_
#define CLAIMS_COMMON_SERVER_FLAGS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace claims {

// Applies CLAIMS_<FLAG_NAME> variables to the program's registered flags,
// then parses argv (exits with a message on an unknown flag or bad value,
// and on --help). Returns the positional arguments (argv[0] first).
std::vector<char*> ParseFlagsWithEnv(int argc, char** argv,
                                     absl::string_view usage);

// "data_dir" -> "CLAIMS_DATA_DIR".
std::string EnvNameForFlag(absl::string_view flag_name);

}  // namespace claims

#endif  // CLAIMS_COMMON_SERVER_FLAGS_H_
