#include "query_svc/follower_loop.h"

#include <optional>

#include "spdlog/spdlog.h"

namespace claims {

FollowerLoop::FollowerLoop(OpenFn open, absl::Duration interval,
                           std::function<void()> on_ready)
    : open_(std::move(open)),
      interval_(interval),
      on_ready_(std::move(on_ready)) {}

void FollowerLoop::Start() {
  thread_ = std::thread([this] { Run(); });
}

FollowerLoop::~FollowerLoop() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

const Follower* FollowerLoop::follower() const { return ready_.load(); }

absl::Time FollowerLoop::last_catch_up() const {
  const int64_t ns = last_catch_up_ns_.load();
  return ns == 0 ? absl::InfinitePast() : absl::FromUnixNanos(ns);
}

void FollowerLoop::Run() {
  absl::Status last_error;
  while (!stop_ && follower_ == nullptr) {
    absl::StatusOr<std::unique_ptr<Follower>> opened = open_();
    if (opened.ok()) {
      follower_ = *std::move(opened);
      break;
    }
    if (opened.status() != last_error) {
      spdlog::warn("waiting for the database: {}", opened.status().ToString());
      last_error = opened.status();
    }
    absl::SleepFor(absl::Milliseconds(200));
  }
  if (stop_) return;
  {
    absl::MutexLock lock(&mu_);
    applied_ = follower_->AppliedSequence();
  }
  ready_ = follower_.get();
  on_ready_();
  spdlog::info("following the writer from sequence {}",
               follower_->AppliedSequence());
  last_error = absl::OkStatus();
  std::optional<absl::Status> reported_health;
  while (!stop_) {
    absl::Status caught_up = follower_->CatchUp();
    if (caught_up.ok()) {
      last_catch_up_ns_ = absl::ToUnixNanos(absl::Now());
    } else if (caught_up != last_error) {
      spdlog::warn("catching up: {}", caught_up.ToString());
    }
    last_error = caught_up;
    if (on_health_) {
      absl::Status health = follower_->Health();
      if (!reported_health.has_value() || health != *reported_health) {
        on_health_(health);
        reported_health = health;
      }
    }
    uint64_t applied = follower_->AppliedSequence();
    {
      absl::MutexLock lock(&mu_);
      applied_ = applied;
    }
    absl::SleepFor(interval_);
  }
}

uint64_t FollowerLoop::WaitForSequence(
    uint64_t sequence, absl::Time deadline,
    const std::function<bool()>& cancelled) const {
  absl::MutexLock lock(&mu_);
  auto reached = [this, sequence]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return applied_ >= sequence;
  };
  while (!reached() && absl::Now() < deadline && !cancelled()) {
    // Wake up regularly to notice cancellation.
    absl::Time wake = std::min(deadline, absl::Now() + absl::Milliseconds(50));
    mu_.AwaitWithDeadline(absl::Condition(&reached), wake);
  }
  return applied_;
}

}  // namespace claims
