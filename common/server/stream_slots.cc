#include "common/server/stream_slots.h"

#include <algorithm>

#include "absl/time/clock.h"
#include "spdlog/spdlog.h"

namespace claims {

// One admitted call, shared by its lease and the watchdog.
struct StreamEntry {
  grpc::ServerContextBase* call;
  std::string peer;
  absl::Time deadline;
  // Nanoseconds since the epoch when the pending read/write began; 0 when
  // none is pending.
  std::atomic<int64_t> io_since{0};
  std::atomic<bool> reaped{false};
};

namespace {

// How often the watchdog looks: a small share of the shortest timeout.
absl::Duration WatchInterval(const StreamLimits& limits) {
  return std::clamp(limits.idle_timeout / 4, absl::Milliseconds(20),
                    absl::Milliseconds(250));
}

}  // namespace

StreamSlots::StreamSlots(StreamLimits limits)
    : limits_(limits), watchdog_([this] { Watch(); }) {}

StreamSlots::~StreamSlots() {
  {
    absl::MutexLock lock(&mu_);
    stop_ = true;
  }
  watchdog_.join();
}

StreamSlots::Lease::Lease(StreamSlots* slots, grpc::ServerContextBase* call,
                          absl::Time deadline)
    : slots_(slots) {
  auto entry = std::make_shared<StreamEntry>();
  entry->call = call;
  entry->peer = call->peer();
  entry->deadline = deadline;
  absl::MutexLock lock(&slots_->mu_);
  if (static_cast<int>(slots_->entries_.size()) >= slots_->limits_.total) {
    status_ = grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                           "too many concurrent streams; retry later");
    return;
  }
  int& from_peer = slots_->per_peer_[entry->peer];
  if (from_peer >= slots_->limits_.per_peer) {
    status_ = grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                           "too many concurrent streams on this connection");
    return;
  }
  ++from_peer;
  slots_->entries_.insert(entry);
  entry_ = std::move(entry);
}

StreamSlots::Lease::~Lease() { Release(); }

void StreamSlots::Lease::Release() {
  if (entry_ == nullptr) return;  // refused or released: nothing counted
  absl::MutexLock lock(&slots_->mu_);
  slots_->entries_.erase(entry_);
  auto it = slots_->per_peer_.find(entry_->peer);
  if (it != slots_->per_peer_.end() && --it->second <= 0) {
    slots_->per_peer_.erase(it);
  }
  entry_.reset();
}

void StreamSlots::Lease::BeginIo() {
  if (entry_) entry_->io_since.store(absl::ToUnixNanos(absl::Now()));
}

void StreamSlots::Lease::EndIo() {
  if (entry_) entry_->io_since.store(0);
}

bool StreamSlots::Lease::reaped() const {
  return entry_ != nullptr && entry_->reaped.load();
}

void StreamSlots::Watch() {
  const absl::Duration interval = WatchInterval(limits_);
  absl::MutexLock lock(&mu_);
  while (!mu_.AwaitWithTimeout(absl::Condition(this, &StreamSlots::Stopping),
                               interval)) {
    const absl::Time now = absl::Now();
    for (const std::shared_ptr<StreamEntry>& entry : entries_) {
      if (entry->reaped.load()) continue;
      const int64_t since = entry->io_since.load();
      const bool idle =
          since != 0 && now - absl::FromUnixNanos(since) > limits_.idle_timeout;
      if (!idle && now < entry->deadline) continue;
      entry->reaped.store(true);
      spdlog::warn("cancelling a stream from {}: {}", entry->peer,
                   idle ? "client idle" : "past the stream deadline");
      entry->call->TryCancel();
    }
  }
}

}  // namespace claims
