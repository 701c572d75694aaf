// Mention finding and actor linking over a whole article, on top of the
// entity stage (SentenceTokens::names, from the trained entity tagger).
//
// For each sentence, in order:
//  * titles and roles: "Israeli Prime Minister Benjamin Netanyahu",
//    "the US President", "the Israeli PM" -> the office holder at the
//    article date (KnowledgeBase::OfficeHolder);
//  * honorific + name: "Mr Netanyahu", "Dr Smith" (person);
//  * the tagger's names, linked to a knowledge-base actor of a compatible
//    type (aliases, capitals, case-folded in all-caps text), else discovered
//    as a new actor of the tagger's type;
//  * a short name (a surname or given name alone, "Mr Bush", "President
//    Bush", "Ben-Gvir" after "Itamar Ben-Gvir") links to the one person of
//    that name the article has named in full before it; when it has named
//    several, an honorific's gender or a title held at the article date
//    must single one out. With none named before, it links to the one
//    knowledge-base person of that surname (or the one in office at the
//    date), or forward to the one person the article names in full later
//    when the knowledge base knows no other. Anything else is ambiguous and
//    the mention is left unlinked: a split, never a wrong merge;
//  * demonyms and group names the tagger leaves out ("Israeli",
//    "Palestinians"), parts of hyphenated compounds ("Trump-Netanyahu",
//    "US-Israeli") and group references ("both leaders").
// The tagger types names; the knowledge base links them.
#ifndef CLAIMS_COMMON_EXTRACT_MENTIONS_H_
#define CLAIMS_COMMON_EXTRACT_MENTIONS_H_

#include <optional>
#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "claims/v1/claims.pb.h"
#include "common/entities/entity_types.h"
#include "common/extract/lexicon.h"
#include "common/kb/knowledge_base.h"
#include "common/syntax/syntax_types.h"
#include "common/syntax/word_classes.h"
#include "common/text/tokenizer.h"

namespace claims {

struct SentenceTokens {
  size_t start = 0;
  size_t end = 0;
  claims::v1::Section section = claims::v1::SECTION_BODY;
  std::vector<text::Token> tokens;
  // One word per token: tags, lemmas and dependencies (syntax stage).
  syntax::SyntaxSentence words;
  // Names the entity tagger found, as token ranges (entity stage).
  std::vector<entities::EntitySpan> names;
};

struct FoundMention {
  size_t start = 0;  // byte offsets into the body
  size_t end = 0;
  int sentence = 0;
  int first_token = 0;  // token range in the sentence, inclusive-exclusive
  int last_token = 0;
  claims::v1::ActorType type = claims::v1::ACTOR_TYPE_UNSPECIFIED;
  int actor = -1;       // index into MentionResult::actors
  std::string evidence;
  // How the knowledge base named it, when it did ("Israeli" a demonym,
  // "Kyiv" a capital): later stages decide on this, never on `evidence`.
  std::optional<AliasKind> kb_kind;
  // False for references by role or description ("the prime minister",
  // "both leaders", "the administration"): they denote the actor here but
  // are not names of it, so they never become its aliases.
  bool is_name = true;
  // True when the mention names no participant of a claim although it
  // names an actor: a qualifier of a title ("U.S." of "U.S. President
  // Donald Trump"), an attitude ("Israel" of "pro-Israel figures") or a
  // path ("From Gaza, to Yemen, to Iran"). The claim builder leaves it out.
  bool modifier = false;
  // Added by the coreference stage: a pronoun or description referring
  // back to the actor (is_name is false).
  bool coreference = false;
};

// An actor referred to in the article: from the knowledge base (kb_index
// >= 0) or discovered in the text.
struct ArticleActor {
  std::string id;
  std::string name;
  claims::v1::ActorType type = claims::v1::ACTOR_TYPE_UNSPECIFIED;
  int kb_index = -1;
  // Knowledge-base kind ("country", "person", "region", ...); "place" for
  // discovered locations.
  std::string kind;
  std::string country;  // ISO alpha-3 when known
  std::string role;     // "government", "party", ...
  std::vector<std::string> mention_texts;
  int mention_count = 0;

  // The article's actor for knowledge-base actor `kb_index` (no mentions yet).
  static ArticleActor FromKb(const KbActor& k, int kb_index);
};

struct MentionResult {
  std::vector<FoundMention> mentions;  // in text order
  std::vector<ArticleActor> actors;
  // The countries the article is about, most likely first: the dateline's,
  // then by how often the article names them (ISO alpha-3).
  std::vector<std::string> focus_countries;
};

// Gender cues that tell apart people who share a surname ("Mr Clinton",
// "Mrs Clinton"); the coreference stage's lexicon implements them.
// Implementations must be thread-safe for const calls.
class GenderCues {
 public:
  virtual ~GenderCues() = default;
  // 'm'/'f' for a person whose given name usually has that gender, else 0.
  virtual char NameGender(const ArticleActor& actor) const = 0;
  // 'm'/'f' for a word usually a given name of that gender ("Rose"), else 0.
  virtual char GivenNameGender(absl::string_view word) const = 0;
  // 'm'/'f' for an honorific before a name ("mr", "mrs"; lower case, no
  // dot), else 0.
  virtual char HonorificGender(absl::string_view lower) const = 0;
};

class MentionFinder {
 public:
  // `genders` may be null (no gender cues), and `classes` (the WordNet
  // classes of nouns, which tell a person's description: "the physicist")
  // too; both must outlive the finder.
  MentionFinder(const KnowledgeBase& kb, const Lexicon& lexicon,
                const GenderCues* genders = nullptr,
                const syntax::WordClasses* classes = nullptr)
      : kb_(kb), lex_(lexicon), genders_(genders), classes_(classes) {}

  // `date`: effective publication date (YYYY-MM-DD, or "" when unknown);
  // `authors`: byline names, known people of the article.
  MentionResult Find(absl::string_view body,
                     const std::vector<SentenceTokens>& sentences,
                     absl::string_view date,
                     const std::vector<std::string>& authors) const;

 private:
  const KnowledgeBase& kb_;
  const Lexicon& lex_;
  const GenderCues* genders_;
  const syntax::WordClasses* classes_;
};

}  // namespace claims

#endif  // CLAIMS_COMMON_EXTRACT_MENTIONS_H_
