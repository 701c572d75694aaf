#include "common/log/log_flags.h"

#include <algorithm>

#include "absl/flags/flag.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/util/status_macros.h"
#include "spdlog/spdlog.h"

ABSL_FLAG(std::string, log, "",
          "replicated mode: the NATS JetStream log, "
          "nats://HOST:PORT[,HOST:PORT...]; empty = single-machine mode");
ABSL_FLAG(int, log_replicas, 3,
          "copies of each log stream when the ingest server creates them "
          "(3 survives the loss of one NATS node)");
ABSL_FLAG(std::string, log_prefix, "CLAIMS",
          "replicated mode: names the log's streams (<prefix>_LOG_<shard>) "
          "and subjects (<prefix lower-case>.v1.log), so several "
          "deployments can share one NATS cluster");
ABSL_FLAG(int32_t, log_max_entry_bytes, 1 << 20,
          "largest log record (compressed article + claims); the NATS "
          "servers' max_payload must be at least this");

namespace claims {

bool ReplicatedModeFromFlags() { return !absl::GetFlag(FLAGS_log).empty(); }

absl::StatusOr<NatsLogOptions> NatsLogOptionsFromFlags() {
  NatsLogOptions options;
  ASSIGN_OR_RETURN(options.servers, ParseNatsUrl(absl::GetFlag(FLAGS_log)));
  options.replicas = absl::GetFlag(FLAGS_log_replicas);
  options.max_entry_bytes = absl::GetFlag(FLAGS_log_max_entry_bytes);
  if (options.replicas < 1 || options.replicas > 5) {
    return absl::InvalidArgumentError("--log_replicas: 1 to 5");
  }
  const std::string prefix = absl::GetFlag(FLAGS_log_prefix);
  if (prefix.empty() || prefix.size() > 32 ||
      !std::all_of(prefix.begin(), prefix.end(),
                   [](char c) { return absl::ascii_isalnum(c) || c == '_'; })) {
    return absl::InvalidArgumentError("--log_prefix: 1 to 32 of A-Z, a-z, 0-9, _");
  }
  options.stream_prefix = absl::StrCat(prefix, "_LOG_");
  options.subject_prefix = absl::StrCat(absl::AsciiStrToLower(prefix), ".v1.log");
  return options;
}

absl::StatusOr<std::unique_ptr<NatsLog>> ConnectLogFromFlags(absl::Time deadline) {
  ASSIGN_OR_RETURN(NatsLogOptions options, NatsLogOptionsFromFlags());
  absl::Status last;
  while (true) {
    absl::StatusOr<std::unique_ptr<NatsLog>> log = NatsLog::Connect(options);
    if (log.ok() || absl::Now() >= deadline) return log;
    if (log.status() != last) {
      spdlog::warn("waiting for the log: {}", log.status().ToString());
      last = log.status();
    }
    absl::SleepFor(absl::Milliseconds(250));
  }
}

}  // namespace claims
