#include "common/server/logging.h"

#include <memory>
#include <string>

#include "spdlog/sinks/stdout_color_sinks.h"
#include "spdlog/spdlog.h"

namespace claims {

void InitLogging(absl::string_view program, bool json) {
  auto logger = spdlog::stderr_color_mt(std::string(program));
  if (json) {
    // Messages are written by our own code with JSON-safe key=value text;
    // the envelope makes every line a JSON object.
    logger->set_pattern(
        R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","logger":"%n","msg":"%v"})",
        spdlog::pattern_time_type::utc);
  } else {
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %n: %v",
                        spdlog::pattern_time_type::utc);
  }
  spdlog::set_default_logger(std::move(logger));
}

}  // namespace claims
