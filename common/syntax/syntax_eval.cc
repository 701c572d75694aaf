#include "common/syntax/syntax_eval.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"

namespace claims::syntax {

void SyntaxScores::Add(const SyntaxSentence& gold, const SyntaxSentence& predicted) {
  for (size_t i = 0; i < gold.size() && i < predicted.size(); ++i) {
    const SyntaxWord& g = gold[i];
    const SyntaxWord& p = predicted[i];
    ++words;
    upos += g.upos == p.upos;
    xpos += g.xpos == p.xpos;
    // Lemma case is not scored: treebanks differ on it ("I", proper nouns).
    lemma += absl::AsciiStrToLower(g.lemma) == absl::AsciiStrToLower(p.lemma);
    if (g.head == p.head) {
      ++uas;
      las += g.rel == p.rel;
      ulas += BaseRel(g.rel) == BaseRel(p.rel);
    }
  }
}

std::string SyntaxScores::Summary() const {
  return absl::StrFormat("UPOS %.4f XPOS %.4f lemma %.4f UAS %.4f LAS %.4f uLAS %.4f (%d words)",
      Rate(upos), Rate(xpos), Rate(lemma), Rate(uas), Rate(las), Rate(ulas), words);
}

}  // namespace claims::syntax
