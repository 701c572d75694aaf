// WatchHub: serves every WatchClaims stream from one thread.
//
// Each watcher is a gRPC callback reactor (no thread of its own) holding its
// position in the change feed. When the follower applies new commits, or a
// watcher's previous write completes, the hub reads what that watcher has
// not seen yet, filters it, and starts the next write. A slow client only
// delays its own position: at most one change's matching claims are held
// per watcher. Many idle watchers cost a few hundred bytes each. Filters are
// bounded (request_limits.h) and hashed once (ClaimMatcher), so matching a
// claim costs every watcher the same whatever the length of its lists.
// Watches take slots of their own (max_watchers, and per connection), and a
// watch whose client stops reading is cancelled after the idle timeout.
#ifndef CLAIMS_QUERY_SVC_WATCH_HUB_H_
#define CLAIMS_QUERY_SVC_WATCH_HUB_H_

#include <grpcpp/support/server_callback.h>

#include <memory>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "claims/v1/claims.pb.h"
#include "common/server/server_runner.h"
#include "common/server/stream_slots.h"
#include "query_svc/follower_loop.h"

namespace claims {

class WatchHub {
 public:
  // `follower` and `drain` must outlive the hub. `limits.total` bounds the
  // open watches (more get RESOURCE_EXHAUSTED); watches have no deadline
  // of the server's own.
  WatchHub(const FollowerLoop* follower, const DrainSignal* drain,
           StreamLimits limits);
  WatchHub(const WatchHub&) = delete;  // owns a thread
  WatchHub& operator=(const WatchHub&) = delete;
  // Call after the server has shut down (no watcher is left then).
  ~WatchHub();

  // A reactor streaming (as serialized WatchClaimsResponse messages) the
  // claims matching `request` committed after the request's cursor (or
  // after the present when it has none). The reactor finishes with an error
  // status at once for a bad cursor, when the database is not open yet, or
  // when there are too many watchers. `call` must be the call's context.
  grpc::ServerWriteReactor<grpc::ByteBuffer>* Open(
      grpc::CallbackServerContext* call,
      const claims::v1::WatchClaimsRequest& request);

  // A reactor that only answers `status`.
  static grpc::ServerWriteReactor<grpc::ByteBuffer>* Reject(
      const grpc::Status& status);

  size_t watchers() const;

 private:
  class Watcher;

  void Run();
  void Wake();
  bool ShouldWake() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void Remove(const Watcher* watcher);

  const FollowerLoop* follower_;
  const DrainSignal* drain_;
  StreamSlots slots_;
  mutable absl::Mutex mu_;
  std::vector<std::shared_ptr<Watcher>> watchers_ ABSL_GUARDED_BY(mu_);
  bool woken_ ABSL_GUARDED_BY(mu_) = false;
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace claims

#endif  // CLAIMS_QUERY_SVC_WATCH_HUB_H_
