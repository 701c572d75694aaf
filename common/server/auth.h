// BearerAuth: optional bearer-token authentication for one server.
//
// The token file holds one accepted token per line (blank lines and lines
// starting with '#' are ignored), so tokens can be rotated by adding the new
// one before removing the old. The file is re-read when it changes (looked
// at once a second at most), so a revoked token stops working within a
// second. It fails closed: while the file is missing, unreadable or holds
// no token, every call is refused and the log says why. Tokens are compared
// in constant time.
//
// gRPC 1.51 cannot reject calls from an interceptor, and its
// AuthMetadataProcessor needs TLS, so every handler calls Check() first:
//
//   if (grpc::Status s = auth_->Check(*context); !s.ok()) return s;
//
// Health and reflection are served by gRPC itself and stay open.
// Thread-safe.
#ifndef CLAIMS_COMMON_SERVER_AUTH_H_
#define CLAIMS_COMMON_SERVER_AUTH_H_

#include <grpcpp/server_context.h>

#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace claims {

class BearerAuth {
 public:
  // Auth is off when `token_file` is empty. INVALID_ARGUMENT when the file
  // cannot be read or holds no token.
  static absl::StatusOr<std::unique_ptr<BearerAuth>> Create(
      std::string token_file);

  // OK when auth is off or the call carries "authorization: Bearer <token>"
  // with an accepted token; UNAUTHENTICATED otherwise.
  grpc::Status Check(const grpc::ServerContextBase& context) const;

  bool enabled() const { return !token_file_.empty(); }

 private:
  explicit BearerAuth(std::string token_file)
      : token_file_(std::move(token_file)) {}

  // Re-reads the token file when its modification time changed (checked at
  // most once a second); on failure no token is accepted until it is fixed.
  absl::Status MaybeReload() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const std::string token_file_;
  mutable absl::Mutex mu_;
  mutable std::vector<std::string> tokens_ ABSL_GUARDED_BY(mu_);
  mutable timespec loaded_mtime_ ABSL_GUARDED_BY(mu_) = {0, 0};
  // Why no token is accepted ("" while the file is good), logged once.
  mutable std::string problem_ ABSL_GUARDED_BY(mu_);
  mutable absl::Time last_check_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
};

// Compares without an early exit, so the time taken does not reveal how
// many leading bytes matched.
bool ConstantTimeEquals(absl::string_view a, absl::string_view b);

}  // namespace claims

#endif  // CLAIMS_COMMON_SERVER_AUTH_H_
