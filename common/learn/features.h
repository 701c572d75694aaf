// Hashed sparse features: the input of every linear model in common/learn.
//
// A feature is a 64-bit key made from a template id and up to three values
// (strings hashed once with HashString, or small integers). Keys are stable
// across processes, builds and machines, because model files store them.
//
//   const uint64_t w = HashString(token.lower);
//   FeatureVector f;
//   f.Add(kWord, w);
//   f.Add(kWordAndPrevTag, w, prev_tag);
//   model.Score(f.keys(), scores);
//
// Not thread-safe; one FeatureVector per thread, reused across decisions.
#ifndef CLAIMS_COMMON_LEARN_FEATURES_H_
#define CLAIMS_COMMON_LEARN_FEATURES_H_

#include <array>
#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace claims::learn {

// Stable 64-bit hash of a string (FNV-1a, then a 64-bit finalizer). DO NOT
// CHANGE: embedded in model files.
uint64_t HashString(absl::string_view text);

// Mixes one more value into a hash (splitmix64 finalizer of h ^ v). DO NOT
// CHANGE: embedded in model files.
constexpr uint64_t HashCombine(uint64_t h, uint64_t v) {
  uint64_t z = h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

namespace internal {
template <uint32_t N>
constexpr std::array<uint64_t, N> HashStarts(uint64_t seed) {
  std::array<uint64_t, N> starts{};
  for (uint32_t t = 0; t < N; ++t) starts[t] = HashCombine(seed, t);
  return starts;
}
}  // namespace internal

class FeatureVector {
 public:
  void clear() { size_ = 0; }
  void Add(uint32_t tmpl, uint64_t a) { Push(HashCombine(Start(tmpl), a)); }
  void Add(uint32_t tmpl, uint64_t a, uint64_t b) {
    Push(HashCombine(HashCombine(Start(tmpl), a), b));
  }
  void Add(uint32_t tmpl, uint64_t a, uint64_t b, uint64_t c) {
    Push(HashCombine(HashCombine(HashCombine(Start(tmpl), a), b), c));
  }
  absl::Span<const uint64_t> keys() const { return absl::MakeConstSpan(keys_.data(), size_); }
  size_t size() const { return size_; }

 private:
  static constexpr uint64_t kSeed = 0x636c61696d73ULL;  // "claims"
  static constexpr uint32_t kCachedTemplates = 512;
  // HashCombine(kSeed, tmpl) for the common template ids, computed by the
  // compiler: no initialisation guard to test on every Add.
  static constexpr std::array<uint64_t, kCachedTemplates> kStarts =
      internal::HashStarts<kCachedTemplates>(kSeed);
  static uint64_t Start(uint32_t tmpl) {
    return tmpl < kCachedTemplates ? kStarts[tmpl] : HashCombine(kSeed, tmpl);
  }
  // Add is a few multiplications and a store, called millions of times a
  // second: it stays small enough to inline, and only growing the buffer
  // (rare, once a vector is warm) is a call.
  void Push(uint64_t key) {
    if (size_ == keys_.size()) Grow();
    keys_[size_++] = key;
  }
  void Grow();

  std::vector<uint64_t> keys_;  // keys_[0, size_) are the features
  size_t size_ = 0;
};

}  // namespace claims::learn

#endif  // CLAIMS_COMMON_LEARN_FEATURES_H_
