// Scores of predicted against gold analyses: tagging and lemma accuracy,
// unlabelled and labelled attachment over every word, punctuation included.
// Two labelled scores: LAS compares relations with their subtypes
// (nsubj:pass against nsubj is wrong), which is stricter than the CoNLL 2018
// shared task; uLAS is that task's LAS, comparing the universal relation
// only (subtypes ignored), the figure papers on UD report.
#ifndef CLAIMS_COMMON_SYNTAX_SYNTAX_EVAL_H_
#define CLAIMS_COMMON_SYNTAX_SYNTAX_EVAL_H_

#include <string>
#include <vector>

#include "common/syntax/syntax_types.h"

namespace claims::syntax {

struct SyntaxScores {
  size_t words = 0;
  size_t upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, ulas = 0;

  void Add(const SyntaxSentence& gold, const SyntaxSentence& predicted);
  double Rate(size_t correct) const { return words ? double(correct) / words : 0.0; }
  // "UPOS 0.953 XPOS 0.947 lemma 0.970 UAS 0.861 LAS 0.829 uLAS 0.836
  // (25148 words)".
  std::string Summary() const;
};

}  // namespace claims::syntax

#endif  // CLAIMS_COMMON_SYNTAX_SYNTAX_EVAL_H_
