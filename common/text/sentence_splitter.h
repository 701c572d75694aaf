// Sentence segmentation with ICU's sentence BreakIterator, repaired where a
// break follows one of our abbreviations (whole words only: "Mr.", "U.S.")
// or initials ("J.D. Vance", "S.W.R.D. Bandaranaike").
//
//   SentenceSplitter splitter(abbreviations, closed_class_words);
//   for (auto [s, e] : splitter.Split(body, block.start, block.end)) ...
//
// Thread-safe: each Split takes an iterator of its own from a pool (cloned
// from the prototype when the pool is empty) and returns it afterwards.
// Sentences longer than kMaxSentenceBytes are cut at white space.
#ifndef CLAIMS_COMMON_TEXT_SENTENCE_SPLITTER_H_
#define CLAIMS_COMMON_TEXT_SENTENCE_SPLITTER_H_

#include <memory>
#include <string>
#include "absl/strings/string_view.h"
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/synchronization/mutex.h"
#include "unicode/brkiter.h"

namespace claims::text {

class SentenceSplitter {
 public:
  // Longer sentences are cut at white space into pieces of at most this
  // many bytes, so no input makes one unbounded unit of work.
  static constexpr size_t kMaxSentenceBytes = 2000;

  // `abbreviations`: words ending in "." after which no sentence ends.
  // `closed_class_words`: lower-case words ("the", "he") that open a new
  // sentence after initials of three or more letters ("... in the U.A.E.
  // The talks"); after such initials any other capitalised word continues
  // a name ("S.W.R.D. Bandaranaike").
  explicit SentenceSplitter(std::vector<std::string> abbreviations = {},
                            std::vector<std::string> closed_class_words = {});
  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;  // owns ICU state
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  // Sentences of text[begin, end) as trimmed byte spans into `text`.
  std::vector<std::pair<size_t, size_t>> Split(absl::string_view text,
                                               size_t begin,
                                               size_t end) const;

 private:
  bool NoBreakAfter(absl::string_view text, size_t begin, size_t at) const;
  // An iterator for one Split call (nullptr if ICU failed), and its return.
  std::unique_ptr<icu::BreakIterator> Acquire() const;
  void Release(std::unique_ptr<icu::BreakIterator> it) const;

  absl::flat_hash_set<std::string> abbreviations_;
  absl::flat_hash_set<std::string> closed_class_words_;
  mutable absl::Mutex mu_;
  std::unique_ptr<icu::BreakIterator> prototype_ ABSL_GUARDED_BY(mu_);
  // Iterators not in use: cloning one costs more than splitting a paragraph.
  mutable std::vector<std::unique_ptr<icu::BreakIterator>> idle_
      ABSL_GUARDED_BY(mu_);
};

}  // namespace claims::text

#endif  // CLAIMS_COMMON_TEXT_SENTENCE_SPLITTER_H_
