#include "common/server/flags.h"

#include <cstdlib>
#include <iostream>
#include <string>

#include "absl/flags/parse.h"
#include "absl/flags/reflection.h"
#include "absl/flags/usage.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace claims {

std::string EnvNameForFlag(absl::string_view flag_name) {
  return absl::StrCat("CLAIMS_", absl::AsciiStrToUpper(std::string(flag_name)));
}

std::vector<char*> ParseFlagsWithEnv(int argc, char** argv,
                                     absl::string_view usage) {
  absl::SetProgramUsageMessage(usage);
  for (const auto& [name, flag] : absl::GetAllFlags()) {
    const char* value = std::getenv(EnvNameForFlag(name).c_str());
    if (value == nullptr) continue;
    std::string error;
    if (!flag->ParseFrom(value, &error)) {
      std::cerr << "invalid value in " << EnvNameForFlag(name) << ": "
                << error << "\n";
      std::exit(2);
    }
  }
  return absl::ParseCommandLine(argc, argv);
}

}  // namespace claims
