#include "query_svc/watch_hub.h"

#include <algorithm>
#include <deque>
#include <limits>
#include <optional>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/server/grpc_status.h"
#include "common/server/raw_message.h"
#include "common/store/claim_reader.h"
#include "common/store/dates.h"
#include "query_svc/query_service.h"
#include "query_svc/watch_merge.h"

namespace claims {
namespace {

using claims::v1::WatchClaimsResponse;

// How often the hub looks for new commits when nothing wakes it.
constexpr absl::Duration kTick = absl::Milliseconds(20);

// "w1.S.I": after claim I of change S; "w1.S": after change S (0 = from
// the first), the form a watch's start position takes.
absl::Status ParseWatchCursor(const std::string& cursor, uint64_t* sequence,
                              int* index, bool* inside_change) {
  std::vector<std::string> parts = absl::StrSplit(cursor, '.');
  *inside_change = parts.size() == 3;
  *index = std::numeric_limits<int>::max();
  if ((parts.size() != 3 && parts.size() != 2) || parts[0] != "w1" ||
      !absl::SimpleAtoi(parts[1], sequence) ||
      (*inside_change && (!absl::SimpleAtoi(parts[2], index) || *sequence == 0))) {
    return absl::InvalidArgumentError("cursor: not a watch cursor");
  }
  return absl::OkStatus();
}

class RejectedWatch : public grpc::ServerWriteReactor<grpc::ByteBuffer> {
 public:
  explicit RejectedWatch(const grpc::Status& status) { Finish(status); }
  void OnDone() override { delete this; }
};

// Watch cursors name a position in the change feed: a change's sequence
// and a claim's index in it.
std::string WatchCursor(uint64_t sequence, int index) {
  return absl::StrCat("w1.", sequence, ".", index);
}

}  // namespace

// One WatchClaims stream. gRPC calls the On* reactions on its own threads;
// the hub thread calls Pump. Both sides take mu_. After Finish nothing else
// is started, and the hub drops its reference in OnDone.
class WatchHub::Watcher : public grpc::ServerWriteReactor<grpc::ByteBuffer> {
 public:
  Watcher(WatchHub* hub, grpc::CallbackServerContext* call,
          claims::v1::QueryClaimsRequest as_query, uint64_t after_sequence,
          int after_index, bool inside_change)
      : hub_(hub),
        lease_(&hub->slots_, call, absl::InfiniteFuture()),
        as_query_(std::move(as_query)),
        after_sequence_(after_sequence),
        after_index_(after_index),
        inside_change_(inside_change) {}

  const StreamSlots::Lease& lease() const { return lease_; }

  void OnWriteDone(bool ok) override {
    lease_.EndIo();
    {
      absl::MutexLock lock(&mu_);
      writing_ = false;
      if (!ok) broken_ = true;
    }
    hub_->Wake();
  }

  void OnCancel() override {
    {
      absl::MutexLock lock(&mu_);
      broken_ = true;
    }
    hub_->Wake();
  }

  void OnDone() override {
    // The call ends here; the hub thread may still hold this watcher.
    lease_.Release();
    hub_->Remove(this);
  }

  // Advances this watcher: finishes it, or starts its next write.
  void Pump(const ClaimReader& reader, uint64_t applied, bool draining) {
    absl::MutexLock lock(&mu_);
    if (finished_ || writing_) return;
    if (broken_) {
      FinishLocked(grpc::Status(grpc::StatusCode::CANCELLED, "cancelled"));
      return;
    }
    if (draining) {
      FinishLocked(grpc::Status(
          grpc::StatusCode::UNAVAILABLE,
          "server is draining; resume with the last cursor"));
      return;
    }
    // A watch resumed inside a change still has the rest of that change
    // to send, even when no commit came after it.
    if (pending_.empty() &&
        (after_sequence_ < applied || (inside_change_ && after_sequence_ == applied))) {
      absl::Status filled = Refill(reader);
      if (!filled.ok()) {
        FinishLocked(ToGrpcStatus(filled));
        return;
      }
    }
    if (pending_.empty()) return;
    current_ = ToRawMessage(pending_.front());
    pending_.pop_front();
    writing_ = true;
    lease_.BeginIo();
    StartWrite(&current_);
  }

 private:
  void FinishLocked(const grpc::Status& status)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    finished_ = true;
    Finish(status);
  }

  // Reads the next change(s) after the position into pending_.
  absl::Status Refill(const ClaimReader& reader)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    // Actors named for the first time after the watch began resolve later.
    if (!matcher_.has_value() || !can_match_) {
      absl::StatusOr<ClaimFilter> filter =
          FilterFromRequest(reader, as_query_, &can_match_);
      if (!filter.ok()) return filter.status();
      absl::StatusOr<ClaimMatcher> matcher =
          ClaimMatcher::Create(*std::move(filter));
      if (!matcher.ok()) return matcher.status();
      matcher_ = *std::move(matcher);
    }
    const uint64_t from = inside_change_ ? after_sequence_ - 1 : after_sequence_;
    return reader.ReadChanges(
        from, [&](const claims::storage::v1::ChangeRecord& change) {
          for (int i = 0; i < change.claim_keys_size(); ++i) {
            if (inside_change_ && change.sequence() == after_sequence_ &&
                i <= after_index_) {
              continue;
            }
            if (!can_match_) break;
            absl::StatusOr<claims::v1::Claim> claim =
                reader.GetClaimByKey(change.claim_keys(i));
            // Claims replaced or deleted since are not news any more.
            if (!claim.ok()) continue;
            if (!matcher_->Matches(*claim)) continue;
            WatchClaimsResponse item;
            *item.mutable_claim() = *std::move(claim);
            item.set_cursor(WatchCursor(change.sequence(), i));
            pending_.push_back(std::move(item));
          }
          after_sequence_ = change.sequence();
          after_index_ = std::numeric_limits<int>::max();
          inside_change_ = false;
          // One change with matches at a time bounds the buffer.
          return pending_.empty();
        });
  }

  WatchHub* const hub_;
  StreamSlots::Lease lease_;
  const claims::v1::QueryClaimsRequest as_query_;
  absl::Mutex mu_;
  std::optional<ClaimMatcher> matcher_ ABSL_GUARDED_BY(mu_);
  bool can_match_ ABSL_GUARDED_BY(mu_) = true;
  uint64_t after_sequence_ ABSL_GUARDED_BY(mu_);
  int after_index_ ABSL_GUARDED_BY(mu_);
  bool inside_change_ ABSL_GUARDED_BY(mu_);
  std::deque<WatchClaimsResponse> pending_ ABSL_GUARDED_BY(mu_);
  grpc::ByteBuffer current_ ABSL_GUARDED_BY(mu_);
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  bool broken_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
};

WatchHub::WatchHub(const FollowerLoop* follower, const DrainSignal* drain,
                   StreamLimits limits)
    : follower_(follower),
      drain_(drain),
      slots_(limits),
      thread_([this] { Run(); }) {}

WatchHub::~WatchHub() {
  {
    absl::MutexLock lock(&mu_);
    stop_ = true;
  }
  thread_.join();
}

grpc::ServerWriteReactor<grpc::ByteBuffer>* WatchHub::Reject(
    const grpc::Status& status) {
  return new RejectedWatch(status);
}

grpc::ServerWriteReactor<grpc::ByteBuffer>* WatchHub::Open(
    grpc::CallbackServerContext* call,
    const claims::v1::WatchClaimsRequest& request) {
  const Follower* follower = follower_->follower();
  if (follower == nullptr) {
    return Reject(grpc::Status(grpc::StatusCode::UNAVAILABLE,
                               "the database is not open yet"));
  }
  if (drain_->draining()) {
    return Reject(grpc::Status(grpc::StatusCode::UNAVAILABLE,
                               "server is draining"));
  }
  uint64_t after_sequence = 0;
  int after_index = std::numeric_limits<int>::max();
  bool inside_change = false;
  if (request.cursor().empty()) {
    after_sequence = follower->reader().AppliedSequence();
  } else {
    absl::Status parsed = ParseWatchCursor(request.cursor(), &after_sequence,
                                           &after_index, &inside_change);
    if (!parsed.ok()) return Reject(ToGrpcStatus(parsed));
  }
  // Checked here so a bad date ends the call at once, as in QueryClaims.
  for (const auto& [field, value] : {std::pair<const char*, const std::string*>(
                                         "from", &request.from()),
                                     {"to", &request.to()}}) {
    if (value->empty()) continue;
    auto date = store_internal::ParseQueryDate(*value, field);
    if (!date.ok()) return Reject(ToGrpcStatus(date.status()));
  }
  claims::v1::QueryClaimsRequest as_query;
  *as_query.mutable_actors() = request.actors();
  *as_query.mutable_topics() = request.topics();
  as_query.set_from(request.from());
  as_query.set_to(request.to());
  *as_query.mutable_article_ids() = request.article_ids();
  *as_query.mutable_types() = request.types();
  *as_query.mutable_modalities() = request.modalities();
  as_query.set_min_confidence(request.min_confidence());
  as_query.set_date_field(request.date_field());
  as_query.set_expand_countries(request.expand_countries());
  auto watcher = std::make_shared<Watcher>(this, call, std::move(as_query),
                                           after_sequence, after_index,
                                           inside_change);
  if (!watcher->lease().ok()) return Reject(watcher->lease().status());
  // Where the watch starts, at once: a merged watch (watch_merge.h) needs
  // every shard's start before it can hand out a cursor.
  call->AddInitialMetadata(kWatchStartMetadataKey,
                           request.cursor().empty()
                               ? absl::StrCat("w1.", after_sequence)
                               : request.cursor());
  watcher->StartSendInitialMetadata();
  {
    absl::MutexLock lock(&mu_);
    watchers_.push_back(watcher);
    woken_ = true;
  }
  return watcher.get();
}

size_t WatchHub::watchers() const {
  absl::MutexLock lock(&mu_);
  return watchers_.size();
}

void WatchHub::Wake() {
  absl::MutexLock lock(&mu_);
  woken_ = true;
}

void WatchHub::Remove(const Watcher* watcher) {
  absl::MutexLock lock(&mu_);
  watchers_.erase(std::remove_if(watchers_.begin(), watchers_.end(),
                                 [watcher](const auto& w) {
                                   return w.get() == watcher;
                                 }),
                  watchers_.end());
}

bool WatchHub::ShouldWake() const { return woken_ || stop_; }

void WatchHub::Run() {
  while (true) {
    std::vector<std::shared_ptr<Watcher>> watchers;
    {
      absl::MutexLock lock(&mu_);
      mu_.AwaitWithTimeout(absl::Condition(this, &WatchHub::ShouldWake), kTick);
      if (stop_) return;
      woken_ = false;
      watchers = watchers_;  // Pump runs without the hub's lock
    }
    const Follower* follower = follower_->follower();
    if (follower == nullptr || watchers.empty()) continue;
    // An idle watcher with nothing new costs one comparison.
    const uint64_t applied = follower->AppliedSequence();
    const bool draining = drain_->draining();
    for (const auto& watcher : watchers) {
      watcher->Pump(follower->reader(), applied, draining);
    }
  }
}

}  // namespace claims
