// StreamSlots: admission and reaping of long-lived calls (streams, watches).
//
// A slot is taken per call, within a server-wide limit and a limit per
// client connection (gRPC peer), so one client cannot take them all. A
// watchdog thread cancels a call once its deadline passes, or once it has
// sat in one read or write longer than the idle timeout: a client that stops
// reading blocks the server's write on flow control, and without the
// watchdog that call (and its slot) would never end.
//
//   StreamSlots::Lease lease(slots, context, deadline);
//   if (!lease.ok()) return lease.status();
//   lease.BeginIo();
//   bool written = writer->Write(item);   // false once cancelled
//   lease.EndIo();
//
// Thread-safe.
#ifndef CLAIMS_COMMON_SERVER_STREAM_SLOTS_H_
#define CLAIMS_COMMON_SERVER_STREAM_SLOTS_H_

#include <grpcpp/server_context.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace claims {

struct StreamLimits {
  int total = 256;     // calls at once, server-wide
  int per_peer = 64;   // calls at once from one client connection
  // Longest a single read or write may block on the client.
  absl::Duration idle_timeout = absl::Seconds(30);
};

class StreamSlots {
 public:
  explicit StreamSlots(StreamLimits limits);
  StreamSlots(const StreamSlots&) = delete;  // owns the watchdog thread
  StreamSlots& operator=(const StreamSlots&) = delete;
  // Every lease must be gone by then.
  ~StreamSlots();

  // Holds a slot for one call until destroyed.
  class Lease {
   public:
    // `call` must outlive the lease; the watchdog cancels it after
    // `deadline` (InfiniteFuture = never) or when idle too long.
    Lease(StreamSlots* slots, grpc::ServerContextBase* call,
          absl::Time deadline);
    Lease(const Lease&) = delete;  // releases exactly once
    Lease& operator=(const Lease&) = delete;
    ~Lease();

    // False when no slot was free; status() says which limit.
    bool ok() const { return entry_ != nullptr; }
    grpc::Status status() const { return status_; }

    // Bracket a read or write that waits on the client.
    void BeginIo();
    void EndIo();

    // True once the watchdog has cancelled the call.
    bool reaped() const;

    // Gives the slot back early (the destructor does otherwise); after it
    // the watchdog no longer touches the call. For reactors that outlive
    // their call.
    void Release();

   private:
    StreamSlots* slots_;
    std::shared_ptr<struct StreamEntry> entry_;
    grpc::Status status_;
  };

 private:
  void Watch();
  bool Stopping() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return stop_; }

  const StreamLimits limits_;
  mutable absl::Mutex mu_;
  absl::flat_hash_set<std::shared_ptr<StreamEntry>> entries_
      ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, int> per_peer_ ABSL_GUARDED_BY(mu_);
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  std::thread watchdog_;
};

}  // namespace claims

#endif  // CLAIMS_COMMON_SERVER_STREAM_SLOTS_H_
