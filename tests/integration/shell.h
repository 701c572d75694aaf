// Shell: runs a bash script (a CLI invocation, a README example) as a user
// would, capturing its exit code, stdout and stderr apart.
#ifndef CLAIMS_TESTS_INTEGRATION_SHELL_H_
#define CLAIMS_TESTS_INTEGRATION_SHELL_H_

#include <string>

namespace claims::testing {

struct ShellResult {
  int code = -1;  // exit code; 128+signal when killed
  std::string out;
  std::string err;
};

// Runs `script` with bash in `cwd` ("" = the current directory).
ShellResult RunShell(const std::string& script, const std::string& cwd = "");

// `text` quoted for bash.
std::string ShellQuote(const std::string& text);

}  // namespace claims::testing

#endif  // CLAIMS_TESTS_INTEGRATION_SHELL_H_
