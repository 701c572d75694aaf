#include "tests/integration/shell.h"

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "absl/strings/str_replace.h"
#include "tests/integration/server_process.h"

namespace claims::testing {

std::string ShellQuote(const std::string& text) {
  return "'" + absl::StrReplaceAll(text, {{"'", "'\\''"}}) + "'";
}

ShellResult RunShell(const std::string& script, const std::string& cwd) {
  const std::string dir = MakeTempDir("claims-shell");
  const std::string script_file = dir + "/script.sh";
  const std::string err_file = dir + "/stderr";
  std::ofstream(script_file) << (cwd.empty() ? "" : "cd " + ShellQuote(cwd) + "\n")
                             << script << "\n";
  ShellResult result;
  FILE* pipe = popen(("bash " + ShellQuote(script_file) + " 2>" +
                      ShellQuote(err_file) + " </dev/null")
                         .c_str(),
                     "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) result.out.append(buffer, n);
  const int status = pclose(pipe);
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.err = ReadFileOrEmpty(err_file);
  std::filesystem::remove_all(dir);
  return result;
}

}  // namespace claims::testing
