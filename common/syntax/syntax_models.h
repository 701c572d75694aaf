// SyntaxModels: the tagger, lemmatizer and parser of one model folder
// (knowledge/models), run together over a tokenized sentence.
//
//   ASSIGN_OR_RETURN(SyntaxModels syntax, SyntaxModels::Load("knowledge/models"));
//   SyntaxSentence s = ...;   // forms only
//   syntax.Analyze(&s);       // tags, lemmas, heads and relations
//
// Immutable after Load; Analyze is const and thread-safe.
#ifndef CLAIMS_COMMON_SYNTAX_SYNTAX_MODELS_H_
#define CLAIMS_COMMON_SYNTAX_SYNTAX_MODELS_H_

#include <functional>
#include <string>

#include "absl/strings/string_view.h"

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "common/syntax/dependency_parser.h"
#include "common/syntax/lemmatizer.h"
#include "common/syntax/pos_tagger.h"

namespace claims::syntax {

class SyntaxModels {
 public:
  // File names inside a model folder.
  static constexpr char kTaggerFile[] = "tagger.clm";
  static constexpr char kLemmatizerFile[] = "lemmatizer.clm";
  static constexpr char kParserMovesFile[] = "parser-moves.clm";
  static constexpr char kParserLabelsFile[] = "parser-labels.clm";

  SyntaxModels(PosTagger tagger, Lemmatizer lemmatizer, DependencyParser parser)
      : tagger_(std::move(tagger)),
        lemmatizer_(std::move(lemmatizer)),
        parser_(std::move(parser)) {}

  // Errors name the file that is missing, corrupt or of another version.
  static absl::StatusOr<SyntaxModels> Load(const std::string& dir);
  absl::Status Save(const std::string& dir) const;

  void Analyze(SyntaxSentence* sentence) const;

  // A verb dictionary: the lemma of a lower-case inflected verb form
  // ("misled" -> "mislead") with the Penn tag it was given ("" when
  // unknown), or "" for a word that is no verb form.
  using VerbLemmaFn =
      std::function<std::string(absl::string_view lower, absl::string_view xpos)>;

  // Installs a verb dictionary and, optionally, tests for any dictionary
  // word, for a known person's name and for a form that is only a verb's. The tagger uses them as its tag
  // dictionary (PosTagger::Tag), and
  // a word tagged VERB that the verb dictionary knows takes its lemma from
  // it: a dictionary of irregular forms beats the statistical lemmatizer on
  // rare verbs, and the parser reads lemmas. Call before the first Analyze;
  // not thread-safe against it.
  void set_verb_lexicon(VerbLemmaFn verb_lemma, PosTagger::WordTest is_word = nullptr,
                        PosTagger::WordTest is_name = nullptr,
                        PosTagger::WordTest is_verb_only = nullptr);
  // The installed tag dictionary, or nullptr.
  const PosTagger::TagDictionary* tag_dictionary() const {
    return dictionary_.is_verb_form ? &dictionary_ : nullptr;
  }
  // Lemmas of the words tagged VERB, from the installed dictionary where
  // it knows the form (Analyze calls this after the lemmatizer).
  void RelemmatizeVerbs(SyntaxSentence* sentence) const;

  const PosTagger& tagger() const { return tagger_; }
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }
  const DependencyParser& parser() const { return parser_; }

 private:
  PosTagger tagger_;
  Lemmatizer lemmatizer_;
  DependencyParser parser_;
  PosTagger::TagDictionary dictionary_;
  VerbLemmaFn verb_lemma_;
};

}  // namespace claims::syntax

#endif  // CLAIMS_COMMON_SYNTAX_SYNTAX_MODELS_H_
