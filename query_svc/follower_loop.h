// FollowerLoop: opens the query side's Follower once the writer's database
// exists, keeps it caught up continuously, and lets callers wait for a
// commit sequence (read-your-writes, live watches).
#ifndef CLAIMS_QUERY_SVC_FOLLOWER_LOOP_H_
#define CLAIMS_QUERY_SVC_FOLLOWER_LOOP_H_

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/store/follower.h"

namespace claims {

class FollowerLoop {
 public:
  using OpenFn = std::function<absl::StatusOr<std::unique_ptr<Follower>>()>;

  // `open` is retried until it succeeds; `on_ready` runs once it has.
  FollowerLoop(OpenFn open, absl::Duration interval,
               std::function<void()> on_ready);

  // Called with the follower's Health() after its first catch-up and
  // whenever it changes (from the loop's thread). Set before Start().
  void set_on_health(std::function<void(const absl::Status&)> on_health) {
    on_health_ = std::move(on_health);
  }

  // Starts the background thread that opens and follows. Call once.
  void Start();
  FollowerLoop(const FollowerLoop&) = delete;  // owns a thread
  FollowerLoop& operator=(const FollowerLoop&) = delete;
  ~FollowerLoop();

  // The follower once open, else nullptr.
  const Follower* follower() const;

  // When the follower last caught up with the writer (InfinitePast before).
  absl::Time last_catch_up() const;

  // Waits until the applied sequence is at least `sequence`, or `deadline`
  // passes, or `cancelled()` returns true. Returns the applied sequence.
  uint64_t WaitForSequence(uint64_t sequence, absl::Time deadline,
                           const std::function<bool()>& cancelled) const;

 private:
  void Run();

  OpenFn open_;
  absl::Duration interval_;
  std::function<void()> on_ready_;
  std::function<void(const absl::Status&)> on_health_;
  std::atomic<bool> stop_{false};
  std::atomic<const Follower*> ready_{nullptr};
  std::atomic<int64_t> last_catch_up_ns_{0};
  std::unique_ptr<Follower> follower_;
  mutable absl::Mutex mu_;
  uint64_t applied_ ABSL_GUARDED_BY(mu_) = 0;
  std::thread thread_;
};

}  // namespace claims

#endif  // CLAIMS_QUERY_SVC_FOLLOWER_LOOP_H_
