#include "common/store/info_log.h"

#include <cstdarg>
#include <cstdio>

#include "spdlog/spdlog.h"

namespace claims::store_internal {
namespace {

class ServerInfoLog final : public rocksdb::Logger {
 public:
  ServerInfoLog() : rocksdb::Logger(rocksdb::InfoLogLevel::WARN_LEVEL) {}

  void Logv(const char* format, va_list ap) override {
    Logv(rocksdb::InfoLogLevel::INFO_LEVEL, format, ap);
  }

  void Logv(const rocksdb::InfoLogLevel level, const char* format,
            va_list ap) override {
    if (level < GetInfoLogLevel() || level == rocksdb::InfoLogLevel::HEADER_LEVEL) {
      return;
    }
    char line[1024];
    std::vsnprintf(line, sizeof(line), format, ap);
    spdlog::log(level == rocksdb::InfoLogLevel::WARN_LEVEL ? spdlog::level::warn
                                                           : spdlog::level::err,
                "rocksdb: {}", line);
  }
};

}  // namespace

std::shared_ptr<rocksdb::Logger> NewServerInfoLog() {
  return std::make_shared<ServerInfoLog>();
}

}  // namespace claims::store_internal
