#include "common/syntax/syntax_models.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/util/status_macros.h"

namespace claims::syntax {
namespace {

absl::Status InFile(const absl::Status& status, const std::string& path) {
  if (status.ok()) return status;
  return absl::Status(status.code(), absl::StrCat(path, ": ", status.message()));
}

}  // namespace

absl::StatusOr<SyntaxModels> SyntaxModels::Load(const std::string& dir) {
  const std::string tagger_path = absl::StrCat(dir, "/", kTaggerFile);
  const std::string lemma_path = absl::StrCat(dir, "/", kLemmatizerFile);
  absl::StatusOr<PosTagger> tagger = PosTagger::Load(tagger_path);
  RETURN_IF_ERROR(InFile(tagger.status(), tagger_path));
  absl::StatusOr<Lemmatizer> lemmatizer = Lemmatizer::Load(lemma_path);
  RETURN_IF_ERROR(InFile(lemmatizer.status(), lemma_path));
  absl::StatusOr<DependencyParser> parser =
      DependencyParser::Load(absl::StrCat(dir, "/", kParserMovesFile),
                             absl::StrCat(dir, "/", kParserLabelsFile),
                             absl::StrCat(dir, "/", WordClasses::kFile));
  RETURN_IF_ERROR(InFile(parser.status(), absl::StrCat(dir, "/parser-*.clm")));
  return SyntaxModels(*std::move(tagger), *std::move(lemmatizer), *std::move(parser));
}

absl::Status SyntaxModels::Save(const std::string& dir) const {
  RETURN_IF_ERROR(tagger_.model().Save(absl::StrCat(dir, "/", kTaggerFile)));
  RETURN_IF_ERROR(lemmatizer_.model().Save(absl::StrCat(dir, "/", kLemmatizerFile)));
  RETURN_IF_ERROR(parser_.moves().Save(absl::StrCat(dir, "/", kParserMovesFile)));
  RETURN_IF_ERROR(parser_.labels().Save(absl::StrCat(dir, "/", kParserLabelsFile)));
  return parser_.classes()->Save(absl::StrCat(dir, "/", WordClasses::kFile));
}

void SyntaxModels::set_verb_lexicon(VerbLemmaFn verb_lemma, PosTagger::WordTest is_word,
                                    PosTagger::WordTest is_name,
                                    PosTagger::WordTest is_verb_only) {
  dictionary_.is_verb_form = [verb_lemma](absl::string_view lower) {
    return !verb_lemma(lower, "").empty();
  };
  dictionary_.is_word = std::move(is_word);
  dictionary_.is_name = std::move(is_name);
  dictionary_.is_verb_only = std::move(is_verb_only);
  verb_lemma_ = std::move(verb_lemma);
}

void SyntaxModels::RelemmatizeVerbs(SyntaxSentence* sentence) const {
  if (!verb_lemma_) return;
  for (size_t i = 0; i < sentence->size(); ++i) {
    SyntaxWord& word = (*sentence)[i];
    // A capital inside the sentence is a name's ("United Nations"), even
    // where the tagger wavers.
    const bool name_like = i > 0 && !word.form.empty() && absl::ascii_isupper(word.form[0]);
    if (word.upos != Upos::kVerb || word.xpos.rfind("VB", 0) != 0 || name_like) continue;
    const std::string lower = absl::AsciiStrToLower(word.form);
    std::string lemma = verb_lemma_(lower, word.xpos);
    // A prefixed verb the dictionary lacks ("under-declaring"): the
    // dictionary's lemma of its last part, after the prefix.
    const size_t hyphen = lower.rfind('-');
    if (lemma.empty() && hyphen != std::string::npos && hyphen > 0 &&
        hyphen + 1 < lower.size()) {
      std::string last = verb_lemma_(lower.substr(hyphen + 1), word.xpos);
      if (!last.empty()) lemma = lower.substr(0, hyphen + 1) + last;
    }
    if (!lemma.empty()) word.lemma = std::move(lemma);
  }
}

void SyntaxModels::Analyze(SyntaxSentence* sentence) const {
  tagger_.Tag(sentence, tag_dictionary());
  lemmatizer_.Lemmatize(sentence);
  RelemmatizeVerbs(sentence);
  parser_.Parse(sentence);
}

}  // namespace claims::syntax
