// Flags of the replicated mode that both servers share. Without --log the
// servers run in the single-machine mode and none of this is used.
#ifndef CLAIMS_COMMON_LOG_LOG_FLAGS_H_
#define CLAIMS_COMMON_LOG_LOG_FLAGS_H_

#include <memory>

#include "absl/flags/declare.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/log/nats_log.h"

ABSL_DECLARE_FLAG(std::string, log);

namespace claims {

// True when --log selects the replicated mode.
bool ReplicatedModeFromFlags();

// NatsLog options from --log, --log_replicas and --log_max_entry_bytes.
absl::StatusOr<NatsLogOptions> NatsLogOptionsFromFlags();

// Connects to the log of the flags, retrying until `deadline`, logging
// the reason once per distinct failure.
absl::StatusOr<std::unique_ptr<NatsLog>> ConnectLogFromFlags(absl::Time deadline);

}  // namespace claims

#endif  // CLAIMS_COMMON_LOG_LOG_FLAGS_H_
