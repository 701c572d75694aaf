#include "common/syntax/lemmatizer.h"

#include <algorithm>
#include <random>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "common/learn/features.h"
#include "common/learn/perceptron.h"
#include "common/syntax/word_features.h"

namespace claims::syntax {
namespace internal {

// Lemmas by MemoKey. Bounded: when full it is emptied and fills again with
// the words that come next, so a long-running server keeps its memory and
// follows its vocabulary. Thread-safe; Lemmatize takes the lock twice a
// sentence (one lookup of all its words, one insertion of the new ones).
class LemmaMemo {
 public:
  // About 5 MB when full; news text of a few thousand articles rarely
  // fills it.
  static constexpr size_t kCapacity = 1 << 16;

  // For each key: its lemma into *lemmas[i] when known, else i into
  // *missing.
  void FindAll(absl::Span<const absl::string_view> keys, absl::Span<std::string*> lemmas,
               std::vector<size_t>* missing) const {
    absl::ReaderMutexLock lock(&mu_);
    for (size_t i = 0; i < keys.size(); ++i) {
      auto it = lemmas_.find(keys[i]);
      if (it == lemmas_.end()) {
        missing->push_back(i);
      } else {
        *lemmas[i] = it->second;
      }
    }
  }
  void InsertAll(absl::Span<const absl::string_view> keys,
                 absl::Span<const std::string* const> lemmas) {
    absl::MutexLock lock(&mu_);
    for (size_t i = 0; i < keys.size(); ++i) {
      if (lemmas_.size() >= kCapacity) lemmas_.clear();
      lemmas_.emplace(keys[i], *lemmas[i]);
    }
  }

 private:
  mutable absl::Mutex mu_;
  absl::flat_hash_map<std::string, std::string> lemmas_ ABSL_GUARDED_BY(mu_);
};

}  // namespace internal

namespace {

// Appends what a lemma depends on, unambiguously: the form's length and
// bytes, the UPOS, then the XPOS.
void AppendMemoKey(const SyntaxWord& word, std::string* out) {
  const uint32_t size = static_cast<uint32_t>(word.form.size());
  out->append(reinterpret_cast<const char*>(&size), sizeof(size));
  out->append(word.form);
  out->push_back(static_cast<char>(word.upos));
  out->append(word.xpos);
}

using learn::FeatureVector;
using learn::HashString;

// DO NOT CHANGE without bumping kFeatureVersion (ids are in model files).
enum Template : uint32_t {
  kBias = 1, kLower, kSuffix1, kSuffix2, kSuffix3, kSuffix4, kSuffix5,
  kUpos, kXpos, kUposSuffix2, kUposSuffix3, kXposSuffix3, kXposLower,
  kUposLower, kCapitalized, kXposSuffix1,
};

void Features(const SyntaxWord& word, FeatureVector* f) {
  f->clear();
  const WordHashes w = HashWord(word.form);
  const uint64_t upos = static_cast<uint64_t>(word.upos);
  const uint64_t xpos = HashString(word.xpos);
  f->Add(kBias, 0);
  f->Add(kLower, w.lower);
  f->Add(kSuffix1, w.suffix[0]);
  f->Add(kSuffix2, w.suffix[1]);
  f->Add(kSuffix3, w.suffix[2]);
  f->Add(kSuffix4, w.suffix[3]);
  f->Add(kSuffix5, w.suffix[4]);
  f->Add(kUpos, upos);
  f->Add(kXpos, xpos);
  f->Add(kUposSuffix2, upos, w.suffix[1]);
  f->Add(kUposSuffix3, upos, w.suffix[2]);
  f->Add(kXposSuffix1, xpos, w.suffix[0]);
  f->Add(kXposSuffix3, xpos, w.suffix[2]);
  f->Add(kXposLower, xpos, w.lower);
  f->Add(kUposLower, upos, w.lower);
  f->Add(kCapitalized, w.capitalized);
}

std::string Fold(absl::string_view form, bool lower) {
  return lower ? absl::AsciiStrToLower(form) : std::string(form);
}

}  // namespace

std::string LemmaEdit::Name() const {
  return absl::StrCat(lower ? "l" : "k", "|", remove, "|", add);
}

bool LemmaEdit::Parse(absl::string_view name, LemmaEdit* edit) {
  std::vector<absl::string_view> parts = absl::StrSplit(name, absl::MaxSplits('|', 2));
  if (parts.size() != 3 || (parts[0] != "l" && parts[0] != "k")) return false;
  edit->lower = parts[0] == "l";
  edit->remove = std::string(parts[1]);
  edit->add = std::string(parts[2]);
  return true;
}

LemmaEdit LemmaEdit::Between(absl::string_view form, absl::string_view lemma) {
  LemmaEdit best;
  size_t best_cost = std::string::npos;
  for (bool lower : {true, false}) {
    const std::string base = Fold(form, lower);
    size_t p = 0;
    while (p < base.size() && p < lemma.size() && base[p] == lemma[p]) ++p;
    // Never split a UTF-8 character between kept and removed parts.
    while (p > 0 && p < base.size() && (static_cast<unsigned char>(base[p]) & 0xC0) == 0x80) --p;
    const size_t cost = (base.size() - p) + (lemma.size() - p);
    if (cost < best_cost) {
      best_cost = cost;
      best = LemmaEdit{lower, base.substr(p), std::string(lemma.substr(p))};
    }
  }
  return best;
}

bool LemmaEdit::AppliesTo(absl::string_view form) const {
  return absl::EndsWith(Fold(form, lower), remove);
}

std::string LemmaEdit::Apply(absl::string_view form) const {
  std::string base = Fold(form, lower);
  base.resize(base.size() - std::min(base.size(), remove.size()));
  return base + add;
}

Lemmatizer::Lemmatizer(learn::LinearModel model, std::vector<LemmaEdit> edits)
    : model_(std::move(model)),
      edits_(std::move(edits)),
      memo_(std::make_shared<internal::LemmaMemo>()) {
  for (size_t i = 0; i < edits_.size(); ++i) {
    by_ending_[edits_[i].lower ? 0 : 1][edits_[i].remove].push_back(static_cast<int>(i));
    longest_ending_ = std::max(longest_ending_, edits_[i].remove.size());
  }
}

absl::StatusOr<Lemmatizer> Lemmatizer::Load(const std::string& path) {
  absl::StatusOr<learn::LinearModel> model = learn::LinearModel::Load(path);
  if (!model.ok()) return model.status();
  return FromModel(*std::move(model));
}

absl::StatusOr<Lemmatizer> Lemmatizer::FromModel(learn::LinearModel model) {
  if (model.Meta("features") != kFeatureVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat("not a lemmatizer model of feature version ", kFeatureVersion));
  }
  std::vector<LemmaEdit> edits(model.num_classes());
  for (int i = 0; i < model.num_classes(); ++i) {
    if (!LemmaEdit::Parse(model.classes()[i], &edits[i])) {
      return absl::FailedPreconditionError(
          absl::StrCat("bad lemma class ", model.classes()[i]));
    }
  }
  return Lemmatizer(std::move(model), std::move(edits));
}

void Lemmatizer::Candidates(absl::string_view form, std::vector<int>* out) const {
  out->clear();
  const std::string lower = absl::AsciiStrToLower(form);
  for (int mode : {0, 1}) {
    const absl::string_view base = mode == 0 ? absl::string_view(lower) : form;
    const size_t longest = std::min(longest_ending_, base.size());
    for (size_t n = 0; n <= longest; ++n) {
      auto it = by_ending_[mode].find(base.substr(base.size() - n));
      if (it != by_ending_[mode].end()) {
        out->insert(out->end(), it->second.begin(), it->second.end());
      }
    }
  }
}

std::string Lemmatizer::Predict(const SyntaxWord& word, Scratch* scratch) const {
  std::vector<int>& candidates = scratch->candidates;
  Candidates(word.form, &candidates);
  if (candidates.empty()) return absl::AsciiStrToLower(word.form);
  if (candidates.size() == 1) return edits_[candidates[0]].Apply(word.form);
  if (!scratch->features_ready) Features(word, &scratch->features);
  scratch->features_ready = false;
  scratch->scores.assign(model_.num_classes(), 0.0f);
  model_.Score(scratch->features.keys(), scratch->scores.data());
  int best = candidates[0];
  for (int c : candidates) {
    if (scratch->scores[c] > scratch->scores[best]) best = c;
  }
  return edits_[best].Apply(word.form);
}

std::string Lemmatizer::LemmaOf(const SyntaxWord& word) const {
  std::string key;
  AppendMemoKey(word, &key);
  const absl::string_view keys[] = {key};
  std::string lemma;
  std::string* lemmas[] = {&lemma};
  std::vector<size_t> missing;
  memo_->FindAll(keys, absl::MakeSpan(lemmas), &missing);
  if (missing.empty()) return lemma;
  Scratch scratch;
  lemma = Predict(word, &scratch);
  const std::string* const inserted[] = {&lemma};
  memo_->InsertAll(keys, inserted);
  return lemma;
}

void Lemmatizer::Lemmatize(SyntaxSentence* sentence) const {
  const size_t n = sentence->size();
  if (n == 0) return;
  // All the words' keys in one buffer (views taken once it stops growing).
  std::string buffer;
  std::vector<size_t> ends(n);
  for (size_t i = 0; i < n; ++i) {
    AppendMemoKey((*sentence)[i], &buffer);
    ends[i] = buffer.size();
  }
  std::vector<absl::string_view> keys(n);
  std::vector<std::string*> lemmas(n);
  for (size_t i = 0; i < n; ++i) {
    const size_t begin = i == 0 ? 0 : ends[i - 1];
    keys[i] = absl::string_view(buffer).substr(begin, ends[i] - begin);
    lemmas[i] = &(*sentence)[i].lemma;
  }
  std::vector<size_t> missing;
  memo_->FindAll(keys, absl::MakeSpan(lemmas), &missing);
  if (missing.empty()) return;
  Scratch scratch;
  const SyntaxWord* first = &(*sentence)[missing[0]];
  Features(*first, &scratch.features);
  scratch.features_ready = true;
  std::vector<absl::string_view> new_keys;
  std::vector<const std::string*> new_lemmas;
  for (size_t k = 0; k < missing.size(); ++k) {
    SyntaxWord& word = (*sentence)[missing[k]];
    // Words are independent: the next word's features start loading while
    // this one is scored (a model lookup is a cache miss).
    if (k + 1 < missing.size()) {
      Features((*sentence)[missing[k + 1]], &scratch.next_features);
      model_.Prefetch(scratch.next_features.keys());
    }
    word.lemma = Predict(word, &scratch);
    std::swap(scratch.features, scratch.next_features);
    scratch.features_ready = k + 1 < missing.size();
    new_keys.push_back(keys[missing[k]]);
    new_lemmas.push_back(&word.lemma);
  }
  memo_->InsertAll(new_keys, new_lemmas);
}

Lemmatizer Lemmatizer::Train(const std::vector<SyntaxSentence>& train,
                             const TrainOptions& options) {
  std::vector<std::string> classes;
  absl::flat_hash_map<std::string, int> class_index;
  std::vector<std::pair<const SyntaxWord*, int>> examples;
  for (const SyntaxSentence& s : train) {
    for (const SyntaxWord& w : s) {
      const std::string name = LemmaEdit::Between(w.form, w.lemma).Name();
      auto [it, added] = class_index.emplace(name, classes.size());
      if (added) classes.push_back(name);
      examples.emplace_back(&w, it->second);
    }
  }
  std::vector<LemmaEdit> edits(classes.size());
  for (size_t i = 0; i < classes.size(); ++i) LemmaEdit::Parse(classes[i], &edits[i]);
  // A throwaway lemmatizer over the class list finds candidates while training.
  Lemmatizer index(learn::LinearModel(classes, {}, {}), edits);
  learn::AveragedPerceptron perceptron(static_cast<int>(classes.size()));
  std::mt19937 rng(options.seed);
  FeatureVector f;
  std::vector<float> scores(classes.size());
  std::vector<int> candidates;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(examples.begin(), examples.end(), rng);
    for (const auto& [word, truth] : examples) {
      index.Candidates(word->form, &candidates);
      if (candidates.size() < 2) continue;
      Features(*word, &f);
      std::fill(scores.begin(), scores.end(), 0.0f);
      perceptron.Score(f.keys(), scores.data());
      int guess = candidates[0];
      for (int c : candidates) {
        if (scores[c] > scores[guess]) guess = c;
      }
      perceptron.Update(f.keys(), truth, guess);
      perceptron.Tick();
    }
  }
  return *FromModel(perceptron.Average(classes, {{"features", kFeatureVersion}},
                                       options.pruning));
}

}  // namespace claims::syntax
