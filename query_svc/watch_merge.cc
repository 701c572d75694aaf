#include "query_svc/watch_merge.h"

#include <deque>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "common/server/grpc_status.h"
#include "common/server/raw_message.h"
#include "query_svc/query_service.h"
#include "query_svc/watch_hub.h"

namespace claims {
namespace {

using claims::v1::WatchClaimsRequest;
using claims::v1::WatchClaimsResponse;

constexpr char kMergedPrefix[] = "wm1";

// The client's deadline, if it set one (watches have none of their own).
absl::Time WatchDeadline(const grpc::CallbackServerContext& call) {
  const auto deadline = call.deadline();
  if (deadline >= std::chrono::system_clock::time_point::max() -
                      std::chrono::hours(24 * 365)) {
    return absl::InfiniteFuture();
  }
  return absl::FromChrono(deadline);
}

// The merged watch. The server side's reactions and each feed's run on
// gRPC's threads; all take mu_. It deletes itself once the call is done
// and every feed is.
class MergedWatch final : public grpc::ServerWriteReactor<grpc::ByteBuffer> {
 public:
  MergedWatch(const ShardRouter& router, std::vector<std::string> positions)
      : router_(router), positions_(std::move(positions)) {}

  // Opens every shard's feed. Call once, right after construction.
  void Start(grpc::CallbackServerContext* call, const WatchClaimsRequest& request) {
    const ShardCall shard_call = ShardCallOf(*call, WatchDeadline(*call));
    absl::MutexLock lock(&mu_);
    for (uint32_t k = 0; k < router_.shards(); ++k) {
      absl::StatusOr<Shard*> shard = router_.shard(k);
      if (!shard.ok()) {
        FinishLocked(ToGrpcStatus(shard.status()));
        return;
      }
      feeds_.push_back(std::make_unique<Feed>(this, k, *shard));
    }
    for (auto& feed : feeds_) {
      WatchClaimsRequest own = request;
      own.set_cursor(positions_[feed->shard]);
      feed->Open(shard_call, std::move(own));
      ++live_feeds_;
    }
  }

  void OnWriteDone(bool ok) override {
    absl::MutexLock lock(&mu_);
    writing_ = false;
    if (!ok) {
      FinishLocked(grpc::Status(grpc::StatusCode::CANCELLED, "cancelled"));
      return;
    }
    PumpLocked();
  }

  void OnCancel() override {
    absl::MutexLock lock(&mu_);
    FinishLocked(grpc::Status(grpc::StatusCode::CANCELLED, "cancelled"));
  }

  void OnDone() override {
    bool last;
    {
      absl::MutexLock lock(&mu_);
      call_done_ = true;
      last = live_feeds_ == 0;
    }
    if (last) delete this;
  }

 private:
  // One shard's watch: holds at most one claim until the merge wrote it.
  class Feed final : public grpc::ClientReadReactor<WatchClaimsResponse> {
   public:
    Feed(MergedWatch* owner, uint32_t shard, Shard* target)
        : owner_(owner), shard(shard), target_(target) {}

    void Open(const ShardCall& call, WatchClaimsRequest request) {
      request_ = std::move(request);
      target_->Prepare(call, &context_);
      target_->stub()->async()->WatchClaims(&context_, &request_, this);
      StartRead(&item);
      StartCall();
    }
    void Cancel() { context_.TryCancel(); }
    void Next() { StartRead(&item); }
    const std::string& name() const { return target_->name(); }

    void OnReadInitialMetadataDone(bool ok) override {
      if (!ok) return;  // the call failed: OnDone says why
      const auto& metadata = context_.GetServerInitialMetadata();
      auto it = metadata.find(kWatchStartMetadataKey);
      owner_->OnStart(shard, it == metadata.end()
                                 ? std::string()
                                 : std::string(it->second.data(), it->second.size()));
    }
    void OnReadDone(bool ok) override {
      if (ok) owner_->OnItem(shard);
    }
    void OnDone(const grpc::Status& status) override { owner_->OnFeedDone(shard, status); }

    const uint32_t shard;
    WatchClaimsResponse item;

   private:
    MergedWatch* const owner_;
    Shard* const target_;
    grpc::ClientContext context_;
    WatchClaimsRequest request_;
  };

  void OnStart(uint32_t shard, std::string start) {
    absl::MutexLock lock(&mu_);
    if (start.empty()) {
      FinishLocked(grpc::Status(
          grpc::StatusCode::FAILED_PRECONDITION,
          absl::StrCat(feeds_[shard]->name(), ": did not say where its watch starts")));
      return;
    }
    positions_[shard] = std::move(start);
    ++started_;
    PumpLocked();
  }

  void OnItem(uint32_t shard) {
    absl::MutexLock lock(&mu_);
    waiting_.push_back(shard);
    PumpLocked();
  }

  void OnFeedDone(uint32_t shard, const grpc::Status& status) {
    bool last;
    {
      absl::MutexLock lock(&mu_);
      --live_feeds_;
      const std::string& name = feeds_[shard]->name();
      FinishLocked(status.ok()
                       ? grpc::Status(grpc::StatusCode::UNAVAILABLE,
                                      name + ": its watch ended; resume with the last cursor")
                       : grpc::Status(status.error_code(),
                                      BoundedStatusMessage(absl::StrCat(
                                          name, ": ", status.error_message()))));
      last = call_done_ && live_feeds_ == 0;
    }
    if (last) delete this;
  }

  // Writes the next waiting claim once every shard has started.
  void PumpLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (finished_ || writing_ || waiting_.empty() || started_ < feeds_.size()) return;
    Feed& feed = *feeds_[waiting_.front()];
    waiting_.pop_front();
    positions_[feed.shard] = feed.item.cursor();
    feed.item.set_cursor(MergedWatchCursor(positions_));
    current_ = ToRawMessage(feed.item);
    writing_ = true;
    StartWrite(&current_);
    feed.Next();
  }

  void FinishLocked(const grpc::Status& status) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (finished_) return;
    finished_ = true;
    for (auto& feed : feeds_) feed->Cancel();
    Finish(status);
  }

  const ShardRouter& router_;
  absl::Mutex mu_;
  std::vector<std::unique_ptr<Feed>> feeds_ ABSL_GUARDED_BY(mu_);
  std::vector<std::string> positions_ ABSL_GUARDED_BY(mu_);
  size_t started_ ABSL_GUARDED_BY(mu_) = 0;
  std::deque<uint32_t> waiting_ ABSL_GUARDED_BY(mu_);
  grpc::ByteBuffer current_ ABSL_GUARDED_BY(mu_);
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
  bool call_done_ ABSL_GUARDED_BY(mu_) = false;
  int live_feeds_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace

std::string MergedWatchCursor(const std::vector<std::string>& per_shard) {
  return absl::StrCat(kMergedPrefix, "~", absl::StrJoin(per_shard, "~"));
}

absl::StatusOr<std::vector<std::string>> ParseMergedWatchCursor(
    absl::string_view cursor, uint32_t shards) {
  std::vector<std::string> parts = absl::StrSplit(cursor, '~');
  if (parts.size() != shards + 1 || parts[0] != kMergedPrefix) {
    return absl::InvalidArgumentError(absl::StrCat(
        "cursor: not a watch cursor of this deployment's ", shards, " shards"));
  }
  for (size_t i = 1; i < parts.size(); ++i) {
    if (parts[i].empty()) return absl::InvalidArgumentError("cursor: empty shard position");
  }
  parts.erase(parts.begin());
  return parts;
}

grpc::ServerWriteReactor<grpc::ByteBuffer>* OpenMergedWatch(
    const ShardRouter& router, grpc::CallbackServerContext* call,
    const WatchClaimsRequest& request) {
  std::vector<std::string> positions(router.shards());
  if (!request.cursor().empty()) {
    absl::StatusOr<std::vector<std::string>> parsed =
        ParseMergedWatchCursor(request.cursor(), router.shards());
    if (!parsed.ok()) return WatchHub::Reject(ToGrpcStatus(parsed.status()));
    positions = *std::move(parsed);
  }
  auto* watch = new MergedWatch(router, std::move(positions));
  watch->Start(call, request);
  return watch;
}

}  // namespace claims
