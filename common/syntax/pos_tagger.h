// PosTagger: greedy left-to-right part-of-speech tagger (averaged
// perceptron over spelling, context and previous-tag features), trained on
// Universal Dependencies English. Predicts the UPOS and Penn Treebank XPOS
// tags of a word together, as one class "UPOS|XPOS".
//
//   ASSIGN_OR_RETURN(PosTagger tagger, PosTagger::Load("tagger.clm"));
//   tagger.Tag(&sentence);   // fills upos and xpos from the forms
//
// Immutable after construction; Tag is const and thread-safe.
#ifndef CLAIMS_COMMON_SYNTAX_POS_TAGGER_H_
#define CLAIMS_COMMON_SYNTAX_POS_TAGGER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "common/learn/linear_model.h"
#include "common/learn/perceptron.h"
#include "common/syntax/syntax_types.h"

namespace claims::syntax {
namespace internal {
struct TaggerContext;  // pos_tagger.cc: the words' hashes and their tags so far
}  // namespace internal

class PosTagger {
 public:
  // Feature-set version written into and required from model files.
  static constexpr char kFeatureVersion[] = "pos-1";

  // NOT_FOUND / DATA_LOSS from the model file; FAILED_PRECONDITION when it
  // is not a tagger model of this feature version.
  static absl::StatusOr<PosTagger> Load(const std::string& path);
  static absl::StatusOr<PosTagger> FromModel(learn::LinearModel model);

  // A test of a lower-case form against a dictionary.
  using WordTest = std::function<bool(absl::string_view lower)>;
  // What an English dictionary tells the decoder.
  struct TagDictionary {
    WordTest is_verb_form;  // a known verb form ("faced", "said")
    WordTest is_word;       // any dictionary word ("looter"); may be empty
    // Takes the form as written: whether it names a known person
    // ("Trump", "Bush"); may be empty.
    WordTest is_name;
    // A lower-case form that is nothing but a verb form ("shrank",
    // "meant": an irregular past that is no word of another kind); may be
    // empty.
    WordTest is_verb_only;
  };

  // With a dictionary, a tag dictionary for the commonest errors on names,
  // the verbs between them and unknown plurals:
  //  * a capitalized word that is no verb form, or that names a known
  //    person, is never tagged a verb ("Boeing", "Emirates" open sentences;
  //    "-ing" and "-s" endings otherwise make them VBG and VBZ; "Trump
  //    wrote");
  //  * a lower-case verb form is never a proper noun;
  //  * a lower-case plural of a dictionary word that is no verb form
  //    ("looters", "surveyors") is never a verb;
  //  * a lower-case form that is only a verb form ("shrank") is a verb.
  void Tag(SyntaxSentence* sentence, const TagDictionary* dictionary = nullptr) const;

  const learn::LinearModel& model() const { return model_; }

  struct TrainOptions {
    int epochs = 10;
    uint32_t seed = 1;
    learn::Pruning pruning;
    // Called after each epoch with the averaged model so far.
    std::function<void(int epoch, const PosTagger&)> on_epoch;
  };
  static PosTagger Train(const std::vector<SyntaxSentence>& train,
                         const TrainOptions& options);

 private:
  struct Tag_ {
    Upos upos;
    std::string xpos;
  };
  PosTagger(learn::LinearModel model, std::vector<Tag_> tags);
  using Context = internal::TaggerContext;
  // Tags words [from, n) greedily left to right into c->tags.
  void Decode(const SyntaxSentence& sentence, const TagDictionary* dictionary, int from,
              Context* c) const;
  // The first known verb form tagged a past participle right after a noun
  // or pronoun, in a sentence with no finite verb or closing a clause that
  // has none (before "that" or the sentence's end), or right after the
  // comma closing an apposition to the sentence's first noun phrase with no
  // verb before it ("Sedibeng Foods, a grocery chain, warned ..."), or
  // before the last comma when every finite verb comes after it and the
  // words before it open with a noun phrase ("The probe entered orbit ...,
  // the space centre said."); else -1.
  int UnfinishedClause(const SyntaxSentence& sentence, const Context& c,
                       const WordTest& is_verb_form) const;
  // Straight double quotation marks open and close in turn: the first of
  // a sentence opens (``), the next closes (''), as the curly ones say;
  // unless the sentence has an odd number of them.
  void PairStraightQuotes(const SyntaxSentence& sentence, Context* c) const;
  // The classes `form` may take under the dictionary (empty: all).
  absl::Span<const bool> Allowed(const std::string& form,
                                 const TagDictionary* dictionary) const;
  // The best-scoring class among those `mask` allows.
  int BestAmong(const float* scores, absl::Span<const bool> mask) const;
  // Whether word i follows a form of "be", with only adverbs between
  // ("was no longer fit"): no place for a base or finite verb form.
  bool AfterBe(const SyntaxSentence& sentence, const Context& c, size_t i) const;

  learn::LinearModel model_;
  std::vector<Tag_> tags_;  // by class index
  absl::InlinedVector<bool, 64> not_verb_;    // by class index: not a VB* tag
  absl::InlinedVector<bool, 64> verb_;        // by class index: a VB* tag
  absl::InlinedVector<bool, 64> not_proper_;  // by class index: not PROPN
  // By class index: not VB, VBP, VBZ, VBD or MD.
  absl::InlinedVector<bool, 64> not_base_or_finite_;
  absl::InlinedVector<bool, 64> finite_;      // by class index: VBD, VBZ, VBP or MD
  int past_class_ = -1;                       // the class VERB|VBD
  int open_quote_class_ = -1;                 // the class PUNCT|``
  int close_quote_class_ = -1;                // the class PUNCT|''
};

}  // namespace claims::syntax

#endif  // CLAIMS_COMMON_SYNTAX_POS_TAGGER_H_
