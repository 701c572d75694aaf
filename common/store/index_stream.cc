#include "common/store/index_stream.h"

#include <utility>

#include "common/store/db_options.h"
#include "common/store/key_codec.h"

namespace claims::store_internal {

IndexStream::IndexStream(rocksdb::DB* db, std::string prefix,
                         const SortKeyBounds& bounds, bool reverse,
                         std::optional<std::string> after)
    : db_(db),
      prefix_(std::move(prefix)),
      reverse_(reverse),
      after_(std::move(after)) {
  lower_key_ = prefix_ + bounds.lower;
  upper_key_ =
      bounds.upper.empty() ? PrefixSuccessor(prefix_) : prefix_ + bounds.upper;
  lower_slice_ = rocksdb::Slice(lower_key_);
  upper_slice_ = rocksdb::Slice(upper_key_);
}

void IndexStream::Open() {
  rocksdb::ReadOptions options;
  options.iterate_lower_bound = &lower_slice_;
  // An empty upper key (prefix of all 0xff) means no upper bound.
  if (!upper_key_.empty()) options.iterate_upper_bound = &upper_slice_;
  it_.reset(db_->NewIterator(options));
  if (!after_.has_value()) {
    reverse_ ? it_->SeekToLast() : it_->SeekToFirst();
    return;
  }
  const std::string target = prefix_ + *after_;
  if (!reverse_) {
    if (target < lower_key_) {
      it_->SeekToFirst();
      return;
    }
    it_->Seek(target);
    if (it_->Valid() && it_->key() == rocksdb::Slice(target)) it_->Next();
  } else {
    if (!upper_key_.empty() && target >= upper_key_) {
      it_->SeekToLast();
      return;
    }
    it_->SeekForPrev(target);
    if (it_->Valid() && it_->key() == rocksdb::Slice(target)) it_->Prev();
  }
}

void IndexStream::Release() { it_.reset(); }

bool IndexStream::Valid() const { return it_ != nullptr && it_->Valid(); }

std::string_view IndexStream::sort_key() const {
  rocksdb::Slice key = it_->key();
  return std::string_view(key.data() + prefix_.size(),
                          key.size() - prefix_.size());
}

std::string_view IndexStream::value() const {
  rocksdb::Slice value = it_->value();
  return std::string_view(value.data(), value.size());
}

void IndexStream::Next() {
  const std::string_view key = sort_key();
  after_.has_value() ? after_->assign(key) : after_.emplace(key);
  reverse_ ? it_->Prev() : it_->Next();
}

absl::Status IndexStream::status() const {
  if (it_ == nullptr) return absl::OkStatus();
  return FromRocks(it_->status(), "index scan");
}

MergedIndexStream::MergedIndexStream(
    std::vector<std::unique_ptr<IndexStream>> streams, bool reverse)
    : streams_(std::move(streams)), reverse_(reverse) {}

void MergedIndexStream::Open() {
  for (auto& stream : streams_) stream->Open();
}

void MergedIndexStream::Refresh() {
  // Release all first so no two generations of iterators coexist.
  for (auto& stream : streams_) stream->Release();
  Open();
}

const IndexStream* MergedIndexStream::Current() const {
  const IndexStream* best = nullptr;
  for (const auto& stream : streams_) {
    if (!stream->Valid()) continue;
    if (best == nullptr || (reverse_ ? stream->sort_key() > best->sort_key()
                                     : stream->sort_key() < best->sort_key())) {
      best = stream.get();
    }
  }
  return best;
}

const IndexStream* MergedIndexStream::Next(const IndexStream* current) {
  if (current == nullptr) return nullptr;
  // The others first: advancing `current` changes the key compared with.
  IndexStream* owned = nullptr;
  for (auto& stream : streams_) {
    if (stream.get() == current) {
      owned = stream.get();
    } else if (stream->Valid() && stream->sort_key() == current->sort_key()) {
      stream->Next();
    }
  }
  if (owned != nullptr) owned->Next();
  return Current();
}

absl::Status MergedIndexStream::status() const {
  for (const auto& stream : streams_) {
    absl::Status s = stream->status();
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace claims::store_internal
