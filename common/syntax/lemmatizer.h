// Lemmatizer: predicts a word's lemma from its form and tags as an edit of
// the form ("flies" -> "fly": lower-case, replace "ies" by "y"), choosing
// among the edits seen in training whose removed ending the word has
// (averaged perceptron over spelling and tag features).
//
//   ASSIGN_OR_RETURN(Lemmatizer lemmatizer, Lemmatizer::Load(path));
//   lemmatizer.Lemmatize(&sentence);   // after tagging; fills lemma
//
// A lemma depends only on the word's form, UPOS and XPOS, and most words
// of news text recur: lemmas once computed are remembered (LemmaMemo below)
// and looked up before any scoring, which gives the same lemma as scoring.
//
// The model is immutable after construction; Lemmatize and LemmaOf are
// const and thread-safe (the memo has its own lock).
#ifndef CLAIMS_COMMON_SYNTAX_LEMMATIZER_H_
#define CLAIMS_COMMON_SYNTAX_LEMMATIZER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/learn/features.h"
#include "common/learn/linear_model.h"
#include "common/learn/perceptron.h"
#include "common/syntax/syntax_types.h"

namespace claims::syntax {
namespace internal {
class LemmaMemo;  // lemmatizer.cc: lemmas already computed, by form and tags
}  // namespace internal

// How a lemma is made from a form: optionally lower-case it, then replace
// the ending `remove` by `add`.
struct LemmaEdit {
  bool lower = true;
  std::string remove;
  std::string add;

  // "l|ies|y" / "k||": the class name stored in model files.
  std::string Name() const;
  static bool Parse(absl::string_view name, LemmaEdit* edit);
  // The smallest edit turning `form` into `lemma`.
  static LemmaEdit Between(absl::string_view form, absl::string_view lemma);
  // True when `form` (after case folding) ends with `remove`.
  bool AppliesTo(absl::string_view form) const;
  std::string Apply(absl::string_view form) const;
};

class Lemmatizer {
 public:
  static constexpr char kFeatureVersion[] = "lemma-1";

  static absl::StatusOr<Lemmatizer> Load(const std::string& path);
  static absl::StatusOr<Lemmatizer> FromModel(learn::LinearModel model);

  // Fills `lemma` of every word; needs upos and xpos.
  void Lemmatize(SyntaxSentence* sentence) const;
  // The lemma of one word (form, upos and xpos).
  std::string LemmaOf(const SyntaxWord& word) const;

 private:
  struct Scratch {
    std::vector<int> candidates;
    std::vector<float> scores;
    learn::FeatureVector features;
    // Lemmatize: `features` already holds this word's features, and
    // `next_features` the next word's.
    bool features_ready = false;
    learn::FeatureVector next_features;
  };
  // The model's lemma, without the memo.
  std::string Predict(const SyntaxWord& word, Scratch* scratch) const;

 public:

  const learn::LinearModel& model() const { return model_; }

  struct TrainOptions {
    int epochs = 6;
    uint32_t seed = 1;
    learn::Pruning pruning;
  };
  static Lemmatizer Train(const std::vector<SyntaxSentence>& train,
                          const TrainOptions& options);

 private:
  explicit Lemmatizer(learn::LinearModel model, std::vector<LemmaEdit> edits);
  // Classes whose edit applies to `form`.
  void Candidates(absl::string_view form, std::vector<int>* out) const;

  learn::LinearModel model_;
  std::vector<LemmaEdit> edits_;  // by class index
  // Removed ending -> classes; [0] for lower-casing edits, [1] for the
  // others.
  absl::flat_hash_map<std::string, std::vector<int>> by_ending_[2];
  size_t longest_ending_ = 0;
  // Never null. Copies of a lemmatizer share it: same model, same lemmas.
  std::shared_ptr<internal::LemmaMemo> memo_;
};

}  // namespace claims::syntax

#endif  // CLAIMS_COMMON_SYNTAX_LEMMATIZER_H_
