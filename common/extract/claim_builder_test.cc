// Claims from structure: the whole extractor (shipped models, bundled
// knowledge base) on sentences written for these tests, each with the
// claim a reader would sign.
#include "common/extract/claim_builder.h"

#include <algorithm>
#include <array>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "common/extract/clauses.h"
#include "common/extract/extractor.h"
#include "common/extract/lexicon.h"
#include "common/extract/extractor_testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace claims {
namespace {

using claims::v1::Claim;

class ClaimsFromStructureTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { extractor_ = &BundledExtractor(); }

  std::vector<Claim> ClaimsOf(const std::string& body,
                              const std::string& published = "2023-03-01") {
    claims::v1::Article article;
    article.set_id("t");
    article.set_body(body);
    article.set_published(published);
    auto r = extractor_->Analyze(article);
    EXPECT_TRUE(r.ok()) << r.status();
    if (!r.ok()) return {};
    return {r->claims().begin(), r->claims().end()};
  }

  // The claim with `predicate`, or a failure listing what there is.
  static const Claim* WithPredicate(const std::vector<Claim>& claims,
                                    const std::string& predicate) {
    std::vector<std::string> seen;
    for (const Claim& c : claims) {
      if (c.predicate() == predicate) return &c;
      seen.push_back(c.predicate());
    }
    ADD_FAILURE() << "no claim \"" << predicate << "\" among: " << absl::StrJoin(seen, ", ");
    return nullptr;
  }

  // Whether a "modality_source" evidence cue of `c` satisfies `pred`.
  template <typename Pred>
  static bool SourceEvidence(const Claim& c, Pred pred) {
    return std::any_of(c.evidence().begin(), c.evidence().end(), [&](const auto& e) {
      return e.field() == "modality_source" && pred(e.cue());
    });
  }

  // Expects the claim of `body` with `predicate` reported, its source the
  // article actor `source`; returns it (null after a failure).
  const Claim* ExpectReportedBy(const std::vector<Claim>& claims, const std::string& body,
                                const std::string& predicate, const std::string& source) {
    const Claim* c = WithPredicate(claims, predicate);
    EXPECT_NE(c, nullptr) << body;
    if (c == nullptr) return nullptr;
    EXPECT_EQ(c->modality(), claims::v1::REPORTED) << body;
    EXPECT_EQ(c->modality_source().id(), source) << body;
    return c;
  }

  // One sentence, the predicate of its reported claim and that claim's
  // source.
  struct Report {
    std::string text, predicate, source;
  };
  // ExpectReportedBy for each sentence, as an article of `published`.
  void ExpectEachReported(const std::vector<Report>& reports, const std::string& published) {
    for (const Report& r : reports) {
      ExpectReportedBy(ClaimsOf(r.text, published), r.text, r.predicate, r.source);
    }
  }

  // The modality of the claim of `body` with `predicate`, or
  // MODALITY_UNSPECIFIED (and a failure) when there is none.
  claims::v1::Modality ModalityOf(const std::string& body, const std::string& predicate) {
    const std::vector<Claim> claims = ClaimsOf(body);
    const Claim* c = WithPredicate(claims, predicate);
    return c == nullptr ? claims::v1::MODALITY_UNSPECIFIED : c->modality();
  }

  static std::vector<std::string> Ids(
      const google::protobuf::RepeatedPtrField<claims::v1::ActorRef>& refs) {
    std::vector<std::string> ids;
    for (const auto& r : refs) ids.push_back(r.id());
    return ids;
  }

  static const Extractor* extractor_;
};
const Extractor* ClaimsFromStructureTest::extractor_ = nullptr;

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;

TEST_F(ClaimsFromStructureTest, PostposedSpeakerNamedByACommonNounStillReportsTheContent) {
  // The speaker links to no actor; the content is still reported, with the
  // speaker's words as the source's evidence.
  auto claims = ClaimsOf("Floods killed 228 people, the ministry said.");
  const Claim* c = WithPredicate(claims, "kill");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_TRUE(SourceEvidence(
      *c, [](const std::string& cue) { return cue.find("ministry") != std::string::npos; }));
}

// A participle phrase between commas after the content's subject is a
// reduced relative, not the content's verb.
TEST_F(ClaimsFromStructureTest, AParticiplePhraseBetweenCommasIsNoVerbOfTheContent) {
  auto claims = ClaimsOf(
      "Engineers in Japan have warned that the price of the bridge, now estimated at 40 "
      "billion yen, could double.");
  const Claim* c = WithPredicate(claims, "double");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->content_modality(), claims::v1::HEDGED);
  for (const Claim& other : claims) EXPECT_NE(other.predicate(), "warn");
  // Also a regular participle the tagger read as the past tense.
  claims = ClaimsOf(
      "The president said the emergency decree, invoked on Friday, would remain in force "
      "until the election.");
  c = WithPredicate(claims, "remain");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
}

// A person's age between commas does not take the person out of the
// clause: the name stays the subject of the verb after it.
TEST_F(ClaimsFromStructureTest, AnAgeBetweenCommasKeepsTheSubject) {
  auto claims = ClaimsOf(
      "Ivan Petrov was arrested. State media said that Mr Petrov, 61, had refused to answer "
      "questions.",
      "2012-08-03");
  const Claim* c = WithPredicate(claims, "refuse");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_THAT(Ids(c->subjects()), ElementsAre("ivan-petrov"));
}

// A participle phrase between commas after the speaker's name, with the
// verb of saying after it read as a participle too, leaves the speaker the
// saying's subject.
TEST_F(ClaimsFromStructureTest, APhraseBetweenTheSpeakerAndTheSayingKeepsTheSource) {
  ExpectEachReported(
      {{"General Omar Diallo, surrounded by soldiers, announced on state radio that the "
        "constitution had been suspended.",
        "suspend", "omar-diallo"},
       {"Minister Lars Holm, flanked by two aides, told reporters that the budget would be cut.",
        "cut", "lars-holm"}},
      "2021-09-06");
}

// A quotation the saying splits in two reports both parts.
TEST_F(ClaimsFromStructureTest, BothPartsOfASplitQuotationAreReported) {
  const auto claims = ClaimsOf(
      "Hana Novak chairs the union. \"The talks have failed,\" Ms Novak said, \"and the "
      "strike will begin on Monday.\"",
      "2022-10-07");
  for (const std::string predicate : {"fail", "begin"}) {
    ExpectReportedBy(claims, predicate, predicate, "hana-novak");
  }
}

// The speaker after an inverted saying is its subject, though the
// quotation's second part or a clause about the speaker follows; so is a
// subject set off after an opening adverbial, before the saying's
// auxiliary.
TEST_F(ClaimsFromStructureTest, TheSpeakerIsFoundAroundQuotationsAndOpeningPhrases) {
  ExpectEachReported(
      {{"\"Oslo gave Ibsen a stage when Rome would not,\" said Marta Sousa, the mayor of Oslo, "
        "\"and Oslo has not forgotten it.\"",
        "give", "marta-sousa"},
       {"\"We never gave up,\" said Tomas Lind, the Swedish climber whose brother Erik was "
        "among the rescued.",
        "give up", "tomas-lind"},
       {"Days earlier, the navy chief of staff, Vice Admiral Lena Berg, had said in a statement "
        "that the ship must be towed to port.",
        "tow", "lena-berg"},
       {"Minutes later, the interior minister, Karim Tabet, had told reporters that the border "
        "must be closed at once.",
        "close", "karim-tabet"}},
      "2018-11-20");
}

// A participle the tagger read as a noun after "had" is the verb when a
// rounded number follows it.
TEST_F(ClaimsFromStructureTest, APastParticipleBeforeARoundedNumberIsTheVerb) {
  const auto claims = ClaimsOf(
      "Officials in Lagos said the new bridge had cost about 90 million dollars.", "2016-04-12");
  const Claim* c = WithPredicate(claims, "cost");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
}

// A quantity of people ("Seven of the eleven judges", "Thousands of
// Chileans waving flags") is the subject of the verb after it, not a claim
// of its own.
TEST_F(ClaimsFromStructureTest, AQuantityOfPeopleIsTheSubjectOfTheVerbAfterIt) {
  for (const auto& [text, predicate, wrong] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"Seven of the eleven judges voted against the law, according to the court.", "vote",
            "seven"},
           {"Thousands of Chileans waving flags gathered in the main square.", "gather",
            "thousand"}}) {
    const auto claims = ClaimsOf(text, "2019-10-25");
    EXPECT_NE(WithPredicate(claims, predicate), nullptr) << text;
    for (const Claim& c : claims) EXPECT_NE(c.predicate(), wrong) << text;
  }
}

// "said workers hired between 2001 and 2005 ... now hoped": the participle
// modifies the content's subject; the later verb is what was said.
TEST_F(ClaimsFromStructureTest, AParticipleAfterTheContentsSubjectIsNotItsVerb) {
  const auto claims = ClaimsOf(
      "Maria Lopes, who leads the tenants' union, said workers hired between 2001 and 2005 and "
      "their families now hoped to stay in the flats.",
      "2015-06-02");
  const Claim* c = ExpectReportedBy(claims, "said workers hired", "hope", "maria-lopes");
  ASSERT_NE(c, nullptr);
  EXPECT_THAT(Ids(c->subjects()), Not(Contains("maria-lopes")));
}

// A clause before a colon is no label ("Image Caption:"): the speaker who
// opens it is named, and "I" in the quotation is that speaker.
TEST_F(ClaimsFromStructureTest, ASpeakerBeforeAColonIsNamedAndIsTheQuotationsI) {
  auto claims = ClaimsOf(
      "Kate Fox and Liu Wei reached the final. Fox told the broadcaster: \"I feel strong.\"",
      "2019-05-04");
  const Claim* c = ExpectReportedBy(claims, "Fox told the broadcaster", "feel", "kate-fox");
  ASSERT_NE(c, nullptr);
  EXPECT_THAT(Ids(c->subjects()), ElementsAre("kate-fox"));
}

// A source no actor stands for is described by its whole phrase: the
// participle or relative clause that says who it is belongs to it.
TEST_F(ClaimsFromStructureTest, ASourceIsDescribedWithTheClauseThatSaysWhoItIs) {
  for (const auto& [text, source] : std::vector<std::pair<std::string, std::string>>{
           {"The dam had been unsafe for years, a lawyer representing the families told "
            "reporters.",
            "a lawyer representing the families"},
           {"Church groups working in the highlands reported that villagers had run out of food.",
            "Church groups working in the highlands"},
           // A relative clause of a word inside the phrase says who too.
           {"Relatives of the crew who gathered at the base said the navy had lied to them.",
            "Relatives of the crew who gathered at the base"},
           // A paper that quotes a source only carries its words.
           {"According to a police source quoted by the newspaper El Diario, the van had been "
            "stolen a week earlier.",
            "a police source quoted by the newspaper El Diario"}}) {
    const auto claims = ClaimsOf(text);
    const bool described = std::any_of(claims.begin(), claims.end(), [&](const Claim& c) {
      return c.modality() == claims::v1::REPORTED &&
             SourceEvidence(c, [&](const std::string& cue) { return cue == source + ":unlinked"; });
    });
    EXPECT_TRUE(described) << text;
  }
  // So is one an actor stands for, without the words that introduced it.
  const auto claims =
      ClaimsOf("According to villagers reached by telephone, the rebels burned the market.");
  const Claim* burn = WithPredicate(claims, "burn");
  ASSERT_NE(burn, nullptr);
  EXPECT_TRUE(SourceEvidence(*burn, [](const std::string& cue) {
    return absl::StartsWith(cue, "villagers reached by telephone:");
  }));
}

// "..., the chief minister, X, told ...": the person named in apposition
// to a title speaks, however the parser joined the two.
TEST_F(ClaimsFromStructureTest, APersonNamedBetweenCommasAfterATitleIsTheSource) {
  const auto claims = ClaimsOf(
      "The accused had shared the intent to kill every man in Velika, the presiding judge, "
      "Ana Ruiz, said.");
  bool sourced = false;
  for (const Claim& c : claims) {
    sourced |= c.modality() == claims::v1::REPORTED && c.modality_source().name() == "Ana Ruiz";
  }
  EXPECT_TRUE(sourced);
}

// "reportedly" with a negation: the claim is still reported, and what was
// reported is negated.
TEST_F(ClaimsFromStructureTest, ReportedlyWithANegationIsReportedAndNegated) {
  const auto claims =
      ClaimsOf("The singer reportedly made no mention of the prize at the concert.");
  const Claim* c = WithPredicate(claims, "make");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->content_modality(), claims::v1::NEGATED);
}

// A relative clause with a verb of saying reports nothing of the clause it
// hangs from, however the parser hung it.
TEST_F(ClaimsFromStructureTest, ASayingWhoseSubjectIsWhoReportsNothingBeforeIt) {
  EXPECT_EQ(ModalityOf("The depot had been looted by soldiers, who blamed the governor for their "
                       "wages.",
                       "loot"),
            claims::v1::ASSERTED);
}

// "was unable to reach" is a negated reaching; "was able to raise" a
// raising.
TEST_F(ClaimsFromStructureTest, UnableToNegatesTheEventAndAbleToAssertsIt) {
  EXPECT_EQ(ModalityOf("The Russian navy was unable to reach the trapped crew.", "reach"),
            claims::v1::NEGATED);
  EXPECT_EQ(ModalityOf("Apple was able to raise prices in March.", "raise"),
            claims::v1::ASSERTED);
}

// A verb that names its object something with "as" states the naming as
// its subject's claim, a verb of saying or not ("dismissed the referendum
// as a publicity stunt"); a phrase after a comma is no such complement.
TEST_F(ClaimsFromStructureTest, DismissingSomethingAsSomethingIsTheSubjectsClaim) {
  const auto dismissed = ClaimsOf("Fidel Castro dismissed the referendum as a publicity stunt.");
  const Claim* be = WithPredicate(dismissed, "be");
  ASSERT_NE(be, nullptr);
  EXPECT_EQ(be->modality(), claims::v1::REPORTED);
  EXPECT_EQ(be->modality_source().id(), "fidel-castro");
  const auto rejected = ClaimsOf(
      "Yahya Jammeh rejected the result of the election on Friday, a week after he had "
      "conceded defeat.");
  EXPECT_NE(WithPredicate(rejected, "reject"), nullptr);
}

// What a court or an inquiry found is its finding, reported, named or not;
// what "the data suggests" is only hedged.
TEST_F(ClaimsFromStructureTest, ABodysFindingIsReportedAndDatasSuggestionHedged) {
  EXPECT_EQ(ModalityOf("The tribunal found that Apple had broken the law.", "break"),
            claims::v1::REPORTED);
  EXPECT_EQ(ModalityOf("The data suggests that Apple will raise prices.", "raise"),
            claims::v1::HEDGED);
  // The finding after its content, set off by a comma.
  EXPECT_EQ(ModalityOf("His defiance had been an attempt to undermine the law, the court found "
                       "in its judgment.",
                       "be"),
            claims::v1::REPORTED);
  EXPECT_EQ(ModalityOf("Apple changed the contract, which the court found unlawful.", "change"),
            claims::v1::ASSERTED);
}

// People unnamed hold what they suggest or believe ("the authors", "the
// surgeons": nouns for a kind of person); "the figures" hold nothing.
TEST_F(ClaimsFromStructureTest, PeopleUnnamedHoldWhatTheySuggest) {
  for (const auto& [text, predicate, holder] : std::vector<std::array<std::string, 3>>{
           {"The authors suggest that soot from ships may be warming the Arctic.", "warm",
            "The authors"},
           {"The surgeons believe the boy will walk again within a year.", "walk",
            "The surgeons"}}) {
    const auto claims = ClaimsOf(text);
    const Claim* c = WithPredicate(claims, predicate);
    ASSERT_NE(c, nullptr) << text;
    EXPECT_EQ(c->modality(), claims::v1::REPORTED) << text;
    EXPECT_TRUE(SourceEvidence(
        *c, [&](const std::string& cue) { return cue == holder + ":unlinked"; }))
        << text;
  }
  EXPECT_EQ(ModalityOf("The figures suggest that the Arctic is warming faster than expected.",
                       "warm"),
            claims::v1::HEDGED);
}

// "admitted on Tuesday that S" parsed with "that" a conjunct of "Tuesday":
// the clause after "that" is parsed apart and is the admission's content.
TEST_F(ClaimsFromStructureTest, AThatClauseAfterADateIsTheSayingsContent) {
  EXPECT_EQ(ModalityOf("Toshiba admitted on Tuesday that it had hidden losses on investments for "
                       "more than a decade, after weeks of denials.",
                       "hide"),
            claims::v1::REPORTED);
}

// "S, the agency said" parsed with S's verb as a modifier and its subject
// as the saying's: the report and the speaker are parsed apart.
TEST_F(ClaimsFromStructureTest, AReportBeforeItsSpeakerIsParsedApart) {
  EXPECT_EQ(ModalityOf("The ceremony followed rules laid down by the Ottoman sultans in the 16th "
                       "century, the official Anadolu news agency said.",
                       "follow"),
            claims::v1::REPORTED);
  // The saying hung below the report's root, and the speaker's comma not
  // the sentence's last.
  EXPECT_EQ(ModalityOf("Just four councillors had voted against, the returning officer announced "
                       "in Tromso shortly before midnight, on a turnout of 80 percent.",
                       "vote"),
            claims::v1::REPORTED);
}

// A speaker named in apposition after the report spans commas ("S, his
// trainer, Anna Berg, a Norwegian who ..., said"): the report is split off
// at the comma that opens the speaker's noun phrase (sentences written for
// this test).
TEST_F(ClaimsFromStructureTest, AReportBeforeASpeakerInAppositionIsParsedApart) {
  struct Case {
    const char* text;
    const char* predicate;
    const char* source;
  };
  for (const Case& c : std::vector<Case>{
           {"Kipchoge had prepared for weeks at high altitude, his trainer, Anna Berg, a "
            "Norwegian who coaches the national team, said.",
            "prepare", "anna-berg"},
           {"The governor has resigned and left the country, the head of the electoral "
            "commission, Judge Tomas Varga, announced in a broadcast on Sunday.",
            "resign", "tomas-varga"}}) {
    auto claims = ClaimsOf(c.text);
    const Claim* claim = WithPredicate(claims, c.predicate);
    ASSERT_NE(claim, nullptr) << c.text;
    EXPECT_EQ(claim->modality(), claims::v1::REPORTED) << c.text;
    EXPECT_EQ(claim->modality_source().id(), c.source) << c.text;
  }
  // A quotation's own commas are no speaker's.
  auto quoted = ClaimsOf(
      "\"We are ready, and we will win,\" Maria Lopez, the union leader who called the "
      "strike, told reporters.");
  const Claim* win = WithPredicate(quoted, "win");
  ASSERT_NE(win, nullptr);
  EXPECT_EQ(win->modality_source().id(), "maria-lopez");
}

// "according to" reports what it closes, through clauses that modify nouns
// on the way, unless it names a norm ("according to the law").
TEST_F(ClaimsFromStructureTest, AccordingToReportsTheSentenceItClosesUnlessANorm) {
  // "according to the law" names a norm, no source.
  EXPECT_EQ(ModalityOf("Apple sold the shares according to the law.", "sell"),
            claims::v1::ASSERTED);
  EXPECT_EQ(ModalityOf("Apple sold the shares, according to officials.", "sell"),
            claims::v1::REPORTED);
  // Closing the sentence, it reports the main clause through a clause that
  // modifies a noun.
  EXPECT_EQ(ModalityOf("A Chilean seismic network had recorded a tremor consistent with a "
                       "collapse shortly after the miners lost contact, according to a senior "
                       "mining official quoted by the newspaper La Tercera.",
                       "record"),
            claims::v1::REPORTED);
}

// A predicate the parser hung on a noun ("condemned" as a conjunct of
// "groups") is a clause of its own: its agent is no actor of the noun's
// phrase, so "welcome" gets no Hungarian subject.
TEST_F(ClaimsFromStructureTest, AConjoinedPredicateIsNoPartOfANounPhrase) {
  auto claims = ClaimsOf(
      "The ruling was welcomed by rights groups but condemned by the government of Hungary.");
  const Claim* condemn = WithPredicate(claims, "condemn");
  ASSERT_NE(condemn, nullptr);
  EXPECT_THAT(Ids(condemn->subjects()), ElementsAre("HUN"));
  for (const Claim& c : claims) {
    if (c.predicate() == "welcome") {
      EXPECT_THAT(Ids(c.subjects()), Not(Contains("HUN")));
    }
  }
}

// "Neither ... nor" before the subject negates the clause; "either ... or"
// does not.
TEST_F(ClaimsFromStructureTest, NeitherNorNegates) {
  EXPECT_EQ(
      ModalityOf("Neither the Kremlin nor Kyiv responded to requests for comment.", "respond"),
      claims::v1::NEGATED);
  EXPECT_EQ(ModalityOf("Either the Kremlin or Kyiv responded to the request.", "respond"),
            claims::v1::ASSERTED);
}

// A quotation, then a speaker of several words and the verb: the quoted
// clause is reported, whatever the parser made of the words after it.
TEST_F(ClaimsFromStructureTest, AQuoteBeforeALongerSpeakerPhraseIsReported) {
  for (const std::string text :
       {"\"We are ready,\" the German chancellor told reporters.",
        "\"We will not raise taxes,\" the chancellor told parliament in "
        "Berlin."}) {
    const auto claims = ClaimsOf(text);
    ASSERT_FALSE(claims.empty()) << text;
    EXPECT_EQ(claims[0].modality(), claims::v1::REPORTED) << text;
    EXPECT_EQ(claims[0].modality_source().id(), "olaf-scholz") << text;
    EXPECT_TRUE(claims[0].has_quote()) << text;
  }
}

TEST_F(ClaimsFromStructureTest, ANameInAppositionToATitleIsTheSourceThoughTheBaseLacksIt) {
  // No holder of the office at the date in the base: the name the sentence
  // gives is the speaker, not the country. "that" after the addressee
  // opens the content.
  auto claims = ClaimsOf(
      "Kenya's foreign minister, Wanjiru Odhiambo, told parliament that surveyors "
      "would start marking the border.", "1800-01-01");
  // An aspectual verb governs its complement: the claim is "start".
  const Claim* c = WithPredicate(claims, "start");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->modality_source().id(), "wanjiru-odhiambo");
  EXPECT_EQ(c->subject_text(), "surveyors");
}

// The name after the noun of a reduced relative is that noun's, not the
// speaker: the people interviewed speak, not the newspaper.
TEST_F(ClaimsFromStructureTest, TheNameInAReducedRelativeIsNotTheSpeaker) {
  for (const char* text :
       {"Farmers interviewed by the newspaper La Prensa said the harvest had failed.",
        "Residents quoted by the agency Interfax said the harvest had failed."}) {
    auto claims = ClaimsOf(text);
    const Claim* c = WithPredicate(claims, "fail");
    ASSERT_NE(c, nullptr) << text;
    EXPECT_EQ(c->modality(), claims::v1::REPORTED) << text;
    EXPECT_NE(c->modality_source().id(), "interfax") << text;
    EXPECT_NE(c->modality_source().id(), "la-prensa") << text;
  }
}

TEST_F(ClaimsFromStructureTest, PostposedSpeakerIsTheSourceOfTheContent) {
  auto claims = ClaimsOf(
      "Germany will send more tanks to Ukraine, Chancellor Olaf Scholz told reporters in Berlin.");
  const Claim* c = WithPredicate(claims, "send");
  ASSERT_NE(c, nullptr);
  EXPECT_THAT(Ids(c->subjects()), ElementsAre("DEU"));
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->modality_source().id(), "olaf-scholz");
  EXPECT_THAT(Ids(c->objects()), Not(Contains("olaf-scholz")));
  // The saying is how the content is known, not a claim of its own.
  for (const Claim& other : claims) EXPECT_NE(other.predicate(), "tell");
}

TEST_F(ClaimsFromStructureTest, ThatClauseIsReportedWithItsOwnNegation) {
  auto claims = ClaimsOf("Hamas denied that Iran had supplied the rockets.");
  const Claim* c = WithPredicate(claims, "supply");
  ASSERT_NE(c, nullptr);
  EXPECT_THAT(Ids(c->subjects()), ElementsAre("IRN"));
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->content_modality(), claims::v1::NEGATED);
  EXPECT_EQ(c->modality_source().id(), "hamas");
}

// A dateline is parsed apart from the sentence it opens: parsed with it,
// the place in capitals became the subject of "said" and the speaker an
// oblique (sentence written for this test).
TEST_F(ClaimsFromStructureTest, ADatelineIsNoPartOfTheSentencesParse) {
  auto claims = ClaimsOf("MADRID - \"We will not back down,\" said Marta Ruiz.");
  const Claim* c = WithPredicate(claims, "back down");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->modality_source().id(), "marta-ruiz");
  EXPECT_THAT(Ids(c->participants()), Not(Contains("marta-ruiz")));
}

// A country named as where things happen is the place, and a demonym
// inside a group's name is no actor of its own (sentence written for this
// test).
TEST_F(ClaimsFromStructureTest, ACountryInsideAPhraseIsThePlace) {
  auto claims = ClaimsOf("Turkish forces shelled Kurdish positions in northern Syria overnight.");
  const Claim* c = WithPredicate(claims, "shell");
  ASSERT_NE(c, nullptr);
  EXPECT_THAT(Ids(c->subjects()), ElementsAre("TUR-military"));
  EXPECT_THAT(Ids(c->objects()), Not(Contains("SYR")));
  ASSERT_EQ(c->participants_size(), 1);
  EXPECT_EQ(c->participants(0).id(), "SYR");
  EXPECT_EQ(c->participants(0).role(), "location");
}

// A place inside a subject phrase that names no actor is where things
// happened, not who did them.
TEST_F(ClaimsFromStructureTest, APlaceInsideTheSubjectPhraseIsNoSubject) {
  auto claims = ClaimsOf("Floods in southern Brazil have killed at least 75 people.");
  const Claim* c = WithPredicate(claims, "kill");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->subjects_size(), 0);
  EXPECT_EQ(c->subject_text(), "Floods");
  ASSERT_EQ(c->participants_size(), 1);
  EXPECT_EQ(c->participants(0).id(), "BRA");
  EXPECT_EQ(c->participants(0).role(), "location");
}

// A participle modifying the object folds into the claim, but what it
// says of its own object is no object of the main verb.
TEST_F(ClaimsFromStructureTest, AParticiplesObjectIsNoObjectOfTheMainVerb) {
  auto claims = ClaimsOf("French police arrested two men suspected of smuggling migrants.");
  const Claim* c = WithPredicate(claims, "arrest");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->objects_size(), 0);
  ASSERT_EQ(c->participants_size(), 1);
  EXPECT_EQ(c->participants(0).role(), "other");
}

// A participle after an inverted saying is its adjunct, not a saying that
// reports it: the quotation stays the speaker's, and the saying makes no
// claim.
TEST_F(ClaimsFromStructureTest, AParticipleAfterAnInvertedSayingReportsNothing) {
  auto claims = ClaimsOf(
      "\"There is no military solution,\" said the UN secretary-general, urging both sides to "
      "return to talks.");
  for (const Claim& c : claims) EXPECT_NE(c.predicate(), "say");
  ASSERT_FALSE(claims.empty());
  EXPECT_EQ(claims[0].modality(), claims::v1::REPORTED);
  EXPECT_EQ(claims[0].modality_source().id(), "antonio-guterres");
}

// An adverbial or relative clause of reported content is reported too,
// and a claim of its own only with an actor or a time of its own.
TEST_F(ClaimsFromStructureTest, AClauseWithinReportedContentIsReportedToo) {
  const auto claims = ClaimsOf(
      "Witnesses said the gunmen opened fire on the crowd near Kabul, killing at least seven "
      "Afghans.");
  const Claim* kill = WithPredicate(claims, "kill");
  ASSERT_NE(kill, nullptr);
  EXPECT_EQ(kill->modality(), claims::v1::REPORTED);
  for (const Claim& c :
       ClaimsOf("Officials said the talks collapsed after a session that lasted hours.")) {
    EXPECT_NE(c.predicate(), "last");
  }
}

// "the strike had cost the economy" inside a saying's complement, with
// "cost" tagged a noun: the retagged participle makes the complement a
// clause again.
TEST_F(ClaimsFromStructureTest, AParticipleTakenForANounAfterHadIsTheContentsVerb) {
  const auto claims = ClaimsOf(
      "The ministry said in a statement on Monday that the strike had cost the economy 200 "
      "million dollars.");
  const Claim* cost = WithPredicate(claims, "cost");
  ASSERT_NE(cost, nullptr);
  EXPECT_EQ(cost->modality(), claims::v1::REPORTED);
}

// "Speaking to reporters" beside or inside a saying is how the content
// was said: no "speak" claim; a speaking that is the news still is one.
TEST_F(ClaimsFromStructureTest, SpeakingBesideASayingMakesNoClaim) {
  for (const std::string text :
       {"Speaking to reporters in Brasilia, President Lula said the deal was fair.",
        "President Lula, speaking to reporters in Brasilia, said the deal was fair."}) {
    const auto claims = ClaimsOf(text);
    for (const Claim& c : claims) EXPECT_NE(c.predicate(), "speak") << text;
    ASSERT_FALSE(claims.empty()) << text;
    EXPECT_EQ(claims[0].modality(), claims::v1::REPORTED) << text;
  }
  const auto news = ClaimsOf("President Lula spoke to reporters in Brasilia on Monday.");
  ASSERT_NE(WithPredicate(news, "speak"), nullptr);
}

// A count does not hide the event: "arrested 12 men" is an arrest with a
// quantity; a share is a QUANTITY claim.
TEST_F(ClaimsFromStructureTest, AnEventWithACountStaysAnEvent) {
  auto claims = ClaimsOf("Nigerian police arrested 12 men in Lagos on Monday.");
  const Claim* c = WithPredicate(claims, "arrest");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->type(), claims::v1::EVENT);
  EXPECT_FALSE(c->event_type().empty());
  ASSERT_EQ(c->quantities_size(), 1);
  EXPECT_EQ(c->quantities(0).unit(), "men");
  auto shares = ClaimsOf("Support for Labour rose 4% in the poll.");
  const Claim* share = WithPredicate(shares, "rise");
  ASSERT_NE(share, nullptr);
  EXPECT_EQ(share->type(), claims::v1::QUANTITY);
}

// A relative clause or an apposition between the speaker and "said" is
// parsed apart, so the speaker stays the source (sentences written for
// this test).
TEST_F(ClaimsFromStructureTest, AClauseOrAppositionAfterTheSpeakerKeepsTheSource) {
  auto claims = ClaimsOf(
      "Maria Lindqvist, whose novels have been banned in three countries, said she would "
      "keep writing.");
  const Claim* c = WithPredicate(claims, "keep");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->modality_source().id(), "maria-lindqvist");
  claims = ClaimsOf(
      "President Tomas Rauda, who faces an election in May, said the port had reopened.");
  c = WithPredicate(claims, "reopen");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality_source().id(), "tomas-rauda");
  // An apposition, with the verb of saying the tagger reads as a
  // participle.
  claims = ClaimsOf(
      "Jorge Almeida, a founding partner of the firm, denied in an interview that it had "
      "broken any law.");
  c = WithPredicate(claims, "break");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->modality_source().id(), "jorge-almeida");
}

// A title right before a name (no comma) makes no subject of its own: the
// person is the subject ("Opposition leader Raila Odinga").
TEST_F(ClaimsFromStructureTest, ATitleBeforeANameLeavesThePersonTheSubject) {
  auto claims = ClaimsOf("Union leader Karin Olsen rejected the offer on Monday.");
  const Claim* c = WithPredicate(claims, "reject");
  ASSERT_NE(c, nullptr);
  EXPECT_THAT(Ids(c->subjects()), ElementsAre("karin-olsen"));
}

// A verb form opening the sentence before a title ("Lead author") is the
// title's modifier, not the sentence's verb (sentence written for this
// test).
TEST_F(ClaimsFromStructureTest, ATitleOpeningTheSentenceNamesTheSpeaker) {
  auto claims = ClaimsOf("Lead author Ana Ferreira said Brazil had lost a fifth of its mangroves.");
  const Claim* c = WithPredicate(claims, "lose");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->modality_source().id(), "ana-ferreira");
  // A title the lexicon knows ("Minister") after the verb form.
  claims = ClaimsOf("Fisheries Minister Tomas Rauda told reporters that the port had reopened.");
  c = WithPredicate(claims, "reopen");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->modality_source().id(), "tomas-rauda");
  claims = ClaimsOf("Mining Minister Tomas Rauda told reporters that the port had reopened.");
  c = WithPredicate(claims, "reopen");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality_source().id(), "tomas-rauda");
}

// The person named after an organisation's title speaks, not the
// organisation (sentence written for this test).
TEST_F(ClaimsFromStructureTest, ThePersonAfterAnOrganisationsTitleIsTheSource) {
  auto claims =
      ClaimsOf("Apple chief executive Tim Cook told reporters that Ireland had been treated unfairly.");
  const Claim* c = WithPredicate(claims, "treat");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->modality_source().id(), "tim-cook");
}

TEST_F(ClaimsFromStructureTest, QuoteRecordsItsSpeakerAndWords) {
  auto claims = ClaimsOf("\"We will not abandon our allies,\" Emmanuel Macron said.");
  const Claim* c = WithPredicate(claims, "abandon");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->content_modality(), claims::v1::NEGATED);
  EXPECT_EQ(c->quote().text(), "We will not abandon our allies");
  EXPECT_EQ(c->quote().speaker().id(), "emmanuel-macron");
}

// The parser hangs "told" off the speaker's noun as a clause of its own,
// and the noun off the quote: the quote is still the speaker's.
TEST_F(ClaimsFromStructureTest, AQuoteBeforeASpeakerPhraseTheParserSplitIsReported) {
  auto claims = ClaimsOf(
      "\"Every ward is full, and we are turning patients away,\" a nurse at Ridgeway "
      "General Hospital told Reuters.");
  const Claim* c = WithPredicate(claims, "turn");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_FALSE(c->modality_source().id().empty());
  EXPECT_EQ(c->quote().text(), "Every ward is full, and we are turning patients away");
}

TEST_F(ClaimsFromStructureTest, AFindingIsItsFindersAndAsSureAsItSays) {
  auto claims = ClaimsOf(
      "An inquiry by the European Commission concluded that Google had abused its dominance.");
  const Claim* c = WithPredicate(claims, "abuse");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->modality_source().id(), "european-commission");
  EXPECT_EQ(c->content_modality(), claims::v1::ASSERTED);
  // A finding with no clause is an event, not a saying.
  auto found = ClaimsOf("Police in Paris found a body in the Seine.");
  const Claim* f = WithPredicate(found, "find");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->modality(), claims::v1::ASSERTED);
}

TEST_F(ClaimsFromStructureTest, ABareInfinitiveIsItsOwnLemma) {
  // "lay" is also the past of "lie"; after "would" it is "lay off".
  auto claims = ClaimsOf("The company said it would lay off 4,000 employees.");
  EXPECT_NE(WithPredicate(claims, "lay off"), nullptr);
}

TEST_F(ClaimsFromStructureTest, AccordingToNamesTheSource) {
  auto claims = ClaimsOf("According to the United Nations, more than 2,000 people have fled the town.");
  const Claim* c = WithPredicate(claims, "flee");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->modality_source().id(), "united-nations");
}

// A sentence as a tagger and parser gave it: form, lemma, UPOS, head, relation.
using ParsedWord =
    std::tuple<const char*, const char*, syntax::Upos, int, syntax::DepRel>;
syntax::SyntaxSentence Parsed(const std::vector<ParsedWord>& words) {
  syntax::SyntaxSentence sentence;
  for (const auto& [form, lemma, upos, head, rel] : words) {
    syntax::SyntaxWord word;
    word.form = form;
    word.lemma = lemma;
    word.upos = upos;
    word.head = head;
    word.rel = rel;
    sentence.push_back(word);
  }
  return sentence;
}

// The analysis of one hand-parsed sentence.
std::vector<Clause> ClausesOf(const syntax::SyntaxSentence& sentence) {
  auto lexicon = Lexicon::Load(CLAIMS_SOURCE_DATA_DIR "/extract");
  EXPECT_TRUE(lexicon.ok()) << lexicon.status();
  if (!lexicon.ok()) return {};
  const DependencyTree tree(sentence);
  return ClauseAnalyzer(**lexicon).Analyze(tree);
}
std::vector<Clause> ClausesOf(const std::vector<ParsedWord>& words) {
  return ClausesOf(Parsed(words));
}

const Clause* HeadedBy(const std::vector<Clause>& clauses, int head) {
  for (const Clause& c : clauses) {
    if (c.head == head) return &c;
  }
  return nullptr;
}

// The parser sometimes makes the source of a sentence-initial "According
// to X, S" the root, S hanging below it; the analysis still reports S.
TEST(ClauseAnalyzerTest, AccordingToASourceParsedAsTheRoot) {
  using syntax::DepRel;
  using syntax::Upos;
  // "According to the mayor, Ana Ruiz, heavy rain and a landslide had cut
  // the road ." with the parse the tagger and parser gave a sentence of
  // this shape.
  const std::vector<ParsedWord> words = {
      {"According", "accord", Upos::kVerb, 3, DepRel::kCase},
      {"to", "to", Upos::kAdp, 0, DepRel::kFixed},
      {"the", "the", Upos::kDet, 3, DepRel::kDet},
      {"mayor", "mayor", Upos::kNoun, -1, DepRel::kRoot},
      {",", ",", Upos::kPunct, 5, DepRel::kPunct},
      {"Ana", "Ana", Upos::kPropn, 3, DepRel::kAppos},
      {"Ruiz", "Ruiz", Upos::kPropn, 5, DepRel::kFlat},
      {",", ",", Upos::kPunct, 3, DepRel::kPunct},
      {"heavy", "heavy", Upos::kAdj, 9, DepRel::kAmod},
      {"rain", "rain", Upos::kNoun, 3, DepRel::kAppos},
      {"and", "and", Upos::kCconj, 14, DepRel::kCc},
      {"a", "a", Upos::kDet, 12, DepRel::kDet},
      {"landslide", "landslide", Upos::kNoun, 14, DepRel::kNsubj},
      {"had", "have", Upos::kAux, 14, DepRel::kAux},
      {"cut", "cut", Upos::kVerb, 9, DepRel::kConj},
      {"the", "the", Upos::kDet, 16, DepRel::kDet},
      {"road", "road", Upos::kNoun, 14, DepRel::kObj},
      {".", ".", Upos::kPunct, 3, DepRel::kPunct},
  };
  const std::vector<Clause> clauses = ClausesOf(words);
  // The source's own verbless clause makes no claim.
  const Clause* source = HeadedBy(clauses, 3);
  if (source != nullptr) {
    EXPECT_TRUE(source->saying_only);
  }
  const Clause* cut = HeadedBy(clauses, 14);
  ASSERT_NE(cut, nullptr);
  EXPECT_TRUE(cut->reported);
  EXPECT_EQ(cut->source_token, 3);
  EXPECT_EQ(cut->reporting_cue, "according to");
}

// "The army withdrew and rebels took control, the ministry said." with the
// saying hung on the second conjunct: the report covers both.
TEST(ClauseAnalyzerTest, APostposedSayingReportsEveryConjunct) {
  using syntax::DepRel;
  using syntax::Upos;
  const std::vector<ParsedWord> words = {
      {"The", "the", Upos::kDet, 1, DepRel::kDet},
      {"army", "army", Upos::kNoun, 2, DepRel::kNsubj},
      {"withdrew", "withdraw", Upos::kVerb, -1, DepRel::kRoot},
      {"and", "and", Upos::kCconj, 5, DepRel::kCc},
      {"rebels", "rebel", Upos::kNoun, 5, DepRel::kNsubj},
      {"took", "take", Upos::kVerb, 2, DepRel::kConj},
      {"control", "control", Upos::kNoun, 5, DepRel::kObj},
      {",", ",", Upos::kPunct, 10, DepRel::kPunct},
      {"the", "the", Upos::kDet, 9, DepRel::kDet},
      {"ministry", "ministry", Upos::kNoun, 10, DepRel::kNsubj},
      {"said", "say", Upos::kVerb, 5, DepRel::kParataxis},
      {".", ".", Upos::kPunct, 2, DepRel::kPunct},
  };
  const std::vector<Clause> clauses = ClausesOf(words);
  for (int head : {2, 5}) {
    const Clause* c = HeadedBy(clauses, head);
    ASSERT_NE(c, nullptr) << head;
    EXPECT_TRUE(c->reported) << head;
    EXPECT_EQ(c->reporting_verb, 10) << head;
    EXPECT_EQ(c->source_token, 9) << head;
  }
}

// "Farms could flood because the levees had failed, he warned." with the
// saying hung on the subordinate clause: the report is of the sentence's
// main clause, and of the subordinate one with it.
TEST(ClauseAnalyzerTest, APostposedSayingOnASubordinateClauseReportsTheMainClause) {
  using syntax::DepRel;
  using syntax::Upos;
  const std::vector<ParsedWord> words = {
      {"Farms", "farm", Upos::kNoun, 2, DepRel::kNsubj},
      {"could", "could", Upos::kAux, 2, DepRel::kAux},
      {"flood", "flood", Upos::kVerb, -1, DepRel::kRoot},
      {"because", "because", Upos::kSconj, 7, DepRel::kMark},
      {"the", "the", Upos::kDet, 5, DepRel::kDet},
      {"levees", "levee", Upos::kNoun, 7, DepRel::kNsubj},
      {"had", "have", Upos::kAux, 7, DepRel::kAux},
      {"failed", "fail", Upos::kVerb, 2, DepRel::kAdvcl},
      {",", ",", Upos::kPunct, 10, DepRel::kPunct},
      {"he", "he", Upos::kPron, 10, DepRel::kNsubj},
      {"warned", "warn", Upos::kVerb, 7, DepRel::kParataxis},
      {".", ".", Upos::kPunct, 2, DepRel::kPunct},
  };
  const std::vector<Clause> clauses = ClausesOf(words);
  for (int head : {2, 7}) {
    const Clause* c = HeadedBy(clauses, head);
    ASSERT_NE(c, nullptr) << head;
    EXPECT_TRUE(c->reported) << head;
    EXPECT_EQ(c->reporting_verb, 10) << head;
    EXPECT_EQ(c->source_token, 9) << head;
  }
}

// "Fares rose, Kenya Airways chief executive Allan Kilavuka said." with the
// speaker's phrase split in two: its last part, the person, speaks.
TEST(ClauseAnalyzerTest, TheSpeakerOfASplitPhraseIsItsLastPart) {
  using syntax::DepRel;
  using syntax::Upos;
  const std::vector<ParsedWord> words = {
      {"Fares", "fare", Upos::kNoun, 1, DepRel::kNsubj},
      {"rose", "rise", Upos::kVerb, -1, DepRel::kRoot},
      {",", ",", Upos::kPunct, 4, DepRel::kPunct},
      {"Kenya", "Kenya", Upos::kPropn, 4, DepRel::kCompound},
      {"Airways", "Airways", Upos::kPropn, 1, DepRel::kConj},
      {"chief", "chief", Upos::kAdj, 8, DepRel::kAmod},
      {"executive", "executive", Upos::kAdj, 8, DepRel::kAmod},
      {"Allan", "Allan", Upos::kPropn, 8, DepRel::kCompound},
      {"Kilavuka", "Kilavuka", Upos::kPropn, 1, DepRel::kConj},
      {"said", "say", Upos::kVerb, 1, DepRel::kConj},
      {".", ".", Upos::kPunct, 1, DepRel::kPunct},
  };
  const std::vector<Clause> clauses = ClausesOf(words);
  const Clause* c = HeadedBy(clauses, 1);
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(c->reported);
  EXPECT_EQ(c->source_token, 8);
}

// "X said: \"She is devastated, but she will ask for a test.\"": a saying
// coordinated with its conjunction inside the quotation is no postposed
// saying of the clause before it.
TEST(ClauseAnalyzerTest, ACoordinatedSayingWithItsConjunctionReportsNothingBefore) {
  using syntax::DepRel;
  using syntax::Upos;
  const std::vector<ParsedWord> words = {
      {"The", "the", Upos::kDet, 1, DepRel::kDet},
      {"agent", "agent", Upos::kNoun, 2, DepRel::kNsubj},
      {"said", "say", Upos::kVerb, -1, DepRel::kRoot},
      {"she", "she", Upos::kPron, 5, DepRel::kNsubjPass},
      {"is", "be", Upos::kAux, 5, DepRel::kAuxPass},
      {"devastated", "devastate", Upos::kVerb, 2, DepRel::kCcomp},
      {",", ",", Upos::kPunct, 9, DepRel::kPunct},
      {"but", "but", Upos::kCconj, 9, DepRel::kCc},
      {"she", "she", Upos::kPron, 9, DepRel::kNsubj},
      {"asked", "ask", Upos::kVerb, 5, DepRel::kConj},
      {"for", "for", Upos::kAdp, 11, DepRel::kCase},
      {"tests", "test", Upos::kNoun, 9, DepRel::kObl},
      {".", ".", Upos::kPunct, 2, DepRel::kPunct},
  };
  const std::vector<Clause> clauses = ClausesOf(words);
  const Clause* c = HeadedBy(clauses, 5);
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(c->reported);
  EXPECT_EQ(c->reporting_verb, 2);
  EXPECT_EQ(c->source_token, 1);
}

// "Up to 500 people could arrive, the ministry estimated." with "Up" taken
// for a subordinator: a preposition does not make the content a
// subordinate clause.
TEST(ClauseAnalyzerTest, APrepositionParsedAsAMarkSubordinatesNothing) {
  using syntax::DepRel;
  using syntax::Upos;
  const std::vector<ParsedWord> words = {
      {"Up", "up", Upos::kAdp, 5, DepRel::kMark},
      {"to", "to", Upos::kAdp, 3, DepRel::kCase},
      {"500", "500", Upos::kNum, 3, DepRel::kNummod},
      {"people", "people", Upos::kNoun, 5, DepRel::kNsubj},
      {"could", "could", Upos::kAux, 5, DepRel::kAux},
      {"arrive", "arrive", Upos::kVerb, 9, DepRel::kAdvcl},
      {",", ",", Upos::kPunct, 5, DepRel::kPunct},
      {"the", "the", Upos::kDet, 8, DepRel::kDet},
      {"ministry", "ministry", Upos::kNoun, 9, DepRel::kNsubj},
      {"estimated", "estimate", Upos::kVerb, -1, DepRel::kRoot},
      {".", ".", Upos::kPunct, 9, DepRel::kPunct},
  };
  const std::vector<Clause> clauses = ClausesOf(words);
  const Clause* arrive = HeadedBy(clauses, 5);
  ASSERT_NE(arrive, nullptr);
  EXPECT_TRUE(arrive->reported);
  EXPECT_EQ(arrive->reporting_verb, 9);
}

// "The ruling was fair, said a league spokesman." with the speaker of the
// inverted saying parsed as its object.
TEST(ClauseAnalyzerTest, TheSpeakerOfAnInvertedSayingFollowsIt) {
  using syntax::DepRel;
  using syntax::Upos;
  const std::vector<Clause> clauses = ClausesOf({
      {"The", "the", Upos::kDet, 1, DepRel::kDet},
      {"ruling", "ruling", Upos::kNoun, 3, DepRel::kNsubj},
      {"was", "be", Upos::kAux, 3, DepRel::kCop},
      {"fair", "fair", Upos::kAdj, -1, DepRel::kRoot},
      {",", ",", Upos::kPunct, 5, DepRel::kPunct},
      {"said", "say", Upos::kVerb, 3, DepRel::kParataxis},
      {"a", "a", Upos::kDet, 8, DepRel::kDet},
      {"league", "league", Upos::kNoun, 8, DepRel::kCompound},
      {"spokesman", "spokesman", Upos::kNoun, 5, DepRel::kObj},
      {".", ".", Upos::kPunct, 3, DepRel::kPunct},
  });
  const Clause* fair = HeadedBy(clauses, 3);
  ASSERT_NE(fair, nullptr);
  EXPECT_TRUE(fair->reported);
  EXPECT_EQ(fair->source_token, 8);
  EXPECT_EQ(fair->reporting_verb, 5);
}

// "Tehran has long denied seeking the bomb ." with the gerund parsed as an
// adverbial of the denial.
TEST(ClauseAnalyzerTest, AGerundTheParserHungAsAnAdverbialIsStillDenied) {
  using syntax::DepRel;
  using syntax::Upos;
  const std::vector<ParsedWord> words = {
      {"Tehran", "Tehran", Upos::kPropn, 3, DepRel::kNsubj},
      {"has", "have", Upos::kAux, 3, DepRel::kAux},
      {"long", "long", Upos::kAdv, 3, DepRel::kAdvmod},
      {"denied", "deny", Upos::kVerb, -1, DepRel::kRoot},
      {"seeking", "seek", Upos::kVerb, 3, DepRel::kAdvcl},
      {"the", "the", Upos::kDet, 6, DepRel::kDet},
      {"bomb", "bomb", Upos::kNoun, 4, DepRel::kObj},
      {".", ".", Upos::kPunct, 3, DepRel::kPunct},
  };
  syntax::SyntaxSentence sentence = Parsed(words);
  sentence[4].xpos = "VBG";
  const std::vector<Clause> clauses = ClausesOf(sentence);
  const Clause* seek = HeadedBy(clauses, 4);
  ASSERT_NE(seek, nullptr);
  EXPECT_TRUE(seek->reported);
  EXPECT_EQ(seek->source_token, 0);
  EXPECT_EQ(seek->modality, claims::v1::NEGATED);
  const Clause* deny = HeadedBy(clauses, 3);
  ASSERT_NE(deny, nullptr);
  EXPECT_FALSE(deny->makes_claim());
}

// "Traders fear prices will rise , analysts said ." The analysts report
// the traders' fear: that clause is their claim, and the rise is what the
// traders fear.
TEST(ClauseAnalyzerTest, ASayingThatIsItselfReportedIsTheReportsClaim) {
  using syntax::DepRel;
  using syntax::Upos;
  const std::vector<Clause> clauses = ClausesOf({
      {"Traders", "trader", Upos::kNoun, 1, DepRel::kNsubj},
      {"fear", "fear", Upos::kVerb, -1, DepRel::kRoot},
      {"prices", "price", Upos::kNoun, 4, DepRel::kNsubj},
      {"will", "will", Upos::kAux, 4, DepRel::kAux},
      {"rise", "rise", Upos::kVerb, 1, DepRel::kCcomp},
      {",", ",", Upos::kPunct, 7, DepRel::kPunct},
      {"analysts", "analyst", Upos::kNoun, 7, DepRel::kNsubj},
      {"said", "say", Upos::kVerb, 1, DepRel::kParataxis},
      {".", ".", Upos::kPunct, 1, DepRel::kPunct},
  });
  const Clause* fear = HeadedBy(clauses, 1);
  const Clause* rise = HeadedBy(clauses, 4);
  const Clause* said = HeadedBy(clauses, 7);
  ASSERT_NE(fear, nullptr);
  ASSERT_NE(rise, nullptr);
  ASSERT_NE(said, nullptr);
  EXPECT_TRUE(fear->reported);
  EXPECT_EQ(fear->source_token, 6);
  EXPECT_TRUE(fear->makes_claim());
  EXPECT_TRUE(rise->reported);
  EXPECT_EQ(rise->source_token, 0);
  EXPECT_FALSE(said->makes_claim());
}

// "Two officials familiar with the inquiry said prices fell ." with the
// subject phrase split by the parser (its head an unmarked oblique, the
// noun of its prepositional phrase the subject).
TEST(ClauseAnalyzerTest, ASubjectPhraseTheParserSplitIsOnePhrase) {
  using syntax::DepRel;
  using syntax::Upos;
  const std::vector<Clause> clauses = ClausesOf({
      {"Two", "two", Upos::kNum, 1, DepRel::kNummod},
      {"officials", "official", Upos::kNoun, 6, DepRel::kOblUnmarked},
      {"familiar", "familiar", Upos::kAdj, 6, DepRel::kXcomp},
      {"with", "with", Upos::kAdp, 5, DepRel::kCase},
      {"the", "the", Upos::kDet, 5, DepRel::kDet},
      {"inquiry", "inquiry", Upos::kNoun, 6, DepRel::kNsubj},
      {"said", "say", Upos::kVerb, -1, DepRel::kRoot},
      {"prices", "price", Upos::kNoun, 8, DepRel::kNsubj},
      {"fell", "fall", Upos::kVerb, 6, DepRel::kCcomp},
      {".", ".", Upos::kPunct, 6, DepRel::kPunct},
  });
  const Clause* said = HeadedBy(clauses, 6);
  const Clause* fell = HeadedBy(clauses, 8);
  ASSERT_NE(said, nullptr);
  ASSERT_NE(fell, nullptr);
  EXPECT_EQ(said->subject_first, 0);
  EXPECT_EQ(said->subject_last, 5);
  EXPECT_TRUE(fell->reported);
  EXPECT_EQ(fell->source_token, 1);
  EXPECT_EQ(fell->source_first, 0);
  EXPECT_EQ(fell->source_last, 5);
}

// Two subjects with no preposition between ("Polish | President Andrzej
// Duda said") are no split phrase: the parse stands.
TEST(ClauseAnalyzerTest, TwoSubjectsWithoutAPrepositionAreNotRepaired) {
  using syntax::DepRel;
  using syntax::Upos;
  const std::vector<Clause> clauses = ClausesOf({
      {"Polish", "Polish", Upos::kPropn, 4, DepRel::kNsubj},
      {"President", "President", Upos::kPropn, 2, DepRel::kCompound},
      {"Andrzej", "Andrzej", Upos::kPropn, 4, DepRel::kNsubj},
      {"Duda", "Duda", Upos::kPropn, 2, DepRel::kFlat},
      {"said", "say", Upos::kVerb, -1, DepRel::kRoot},
      {"talks", "talk", Upos::kNoun, 6, DepRel::kNsubj},
      {"failed", "fail", Upos::kVerb, 4, DepRel::kCcomp},
  });
  const Clause* said = HeadedBy(clauses, 4);
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(said->subject_first, -1);
  const Clause* failed = HeadedBy(clauses, 6);
  ASSERT_NE(failed, nullptr);
  EXPECT_EQ(failed->source_token, 2);
}

// "The mayor called the plan a disaster ." The naming states that the plan
// is a disaster, and the mayor says so.
TEST(ClauseAnalyzerTest, CallingSomethingSomethingIsReportedContent) {
  using syntax::DepRel;
  using syntax::Upos;
  const std::vector<Clause> clauses = ClausesOf({
      {"The", "the", Upos::kDet, 1, DepRel::kDet},
      {"mayor", "mayor", Upos::kNoun, 2, DepRel::kNsubj},
      {"called", "call", Upos::kVerb, -1, DepRel::kRoot},
      {"the", "the", Upos::kDet, 4, DepRel::kDet},
      {"plan", "plan", Upos::kNoun, 2, DepRel::kObj},
      {"a", "a", Upos::kDet, 6, DepRel::kDet},
      {"disaster", "disaster", Upos::kNoun, 2, DepRel::kXcomp},
      {".", ".", Upos::kPunct, 2, DepRel::kPunct},
  });
  const Clause* disaster = HeadedBy(clauses, 6);
  ASSERT_NE(disaster, nullptr);
  EXPECT_EQ(disaster->predicate, "be");
  EXPECT_TRUE(disaster->copula);
  ASSERT_FALSE(disaster->args.empty());
  EXPECT_EQ(disaster->args[0].token, 4);
  EXPECT_EQ(disaster->args[0].role, ArgRole::kSubject);
  EXPECT_TRUE(disaster->reported);
  EXPECT_EQ(disaster->source_token, 1);
  const Clause* called = HeadedBy(clauses, 2);
  ASSERT_NE(called, nullptr);
  EXPECT_FALSE(called->makes_claim());
}

// "The convoy appears to have been attacked ." The subject raised from a
// passive event is what was attacked.
TEST(ClauseAnalyzerTest, ASubjectRaisedFromAPassiveIsItsPatient) {
  using syntax::DepRel;
  using syntax::Upos;
  const std::vector<Clause> clauses = ClausesOf({
      {"The", "the", Upos::kDet, 1, DepRel::kDet},
      {"convoy", "convoy", Upos::kNoun, 2, DepRel::kNsubj},
      {"appears", "appear", Upos::kVerb, -1, DepRel::kRoot},
      {"to", "to", Upos::kPart, 6, DepRel::kMark},
      {"have", "have", Upos::kAux, 6, DepRel::kAux},
      {"been", "be", Upos::kAux, 6, DepRel::kAuxPass},
      {"attacked", "attack", Upos::kVerb, 2, DepRel::kXcomp},
      {".", ".", Upos::kPunct, 2, DepRel::kPunct},
  });
  const Clause* attacked = HeadedBy(clauses, 6);
  ASSERT_NE(attacked, nullptr);
  EXPECT_EQ(attacked->modality, claims::v1::HEDGED);
  ASSERT_EQ(attacked->args.size(), 1u);
  EXPECT_EQ(attacked->args[0].token, 1);
  EXPECT_EQ(attacked->args[0].role, ArgRole::kObject);
  EXPECT_TRUE(attacked->args[0].patient);
}

// "is said to": the writer reports the infinitive's event, whose subject
// is the passive's; an active "said" keeps its own clause.
TEST(ClauseAnalyzerTest, APassiveReportRaisesItsInfinitive) {
  using syntax::DepRel;
  using syntax::Upos;
  const std::vector<Clause> clauses = ClausesOf({
      {"The", "the", Upos::kDet, 1, DepRel::kDet},
      {"envoy", "envoy", Upos::kNoun, 3, DepRel::kNsubjPass},
      {"is", "be", Upos::kAux, 3, DepRel::kAuxPass},
      {"said", "say", Upos::kVerb, -1, DepRel::kRoot},
      {"to", "to", Upos::kPart, 6, DepRel::kMark},
      {"have", "have", Upos::kAux, 6, DepRel::kAux},
      {"resigned", "resign", Upos::kVerb, 3, DepRel::kXcomp},
      {".", ".", Upos::kPunct, 3, DepRel::kPunct},
  });
  const Clause* resigned = HeadedBy(clauses, 6);
  ASSERT_NE(resigned, nullptr);
  EXPECT_TRUE(resigned->reported);
  EXPECT_LT(resigned->source_token, 0);  // no one named: as "reportedly"
  ASSERT_EQ(resigned->args.size(), 1u);
  EXPECT_EQ(resigned->args[0].token, 1);
  EXPECT_EQ(resigned->args[0].role, ArgRole::kSubject);
  EXPECT_FALSE(resigned->args[0].patient);
}

// So do "is thought to", "is believed to", "is feared to": the writer
// reports what unnamed others hold.
TEST_F(ClaimsFromStructureTest, APassiveOfBeliefReportsItsInfinitive) {
  for (const std::string text : {"Hamas is thought to have moved the hostages.",
                                 "Hamas is believed to have moved the hostages.",
                                 "Hamas is feared to have moved the hostages."}) {
    auto claims = ClaimsOf(text);
    const Claim* c = WithPredicate(claims, "move");
    ASSERT_NE(c, nullptr) << text;
    EXPECT_EQ(c->modality(), claims::v1::REPORTED) << text;
    EXPECT_FALSE(c->has_modality_source()) << text;
  }
}

// "S, the company said, if S2": the saying reports S; the condition after
// it is S's, not what was said.
TEST_F(ClaimsFromStructureTest, AConditionAfterAnInsertedSayingIsNotItsContent) {
  auto claims = ClaimsOf(
      "Tickets would be refunded in full, Ryanair said, if the strike went ahead.",
      "2019-08-01");
  const Claim* c = WithPredicate(claims, "refund");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->modality_source().id(), "ryanair");
}

// "said that | his client had ...": the parser hung "that" as an object
// with an object of its own; the clause after it, parsed apart, is the
// content.
TEST_F(ClaimsFromStructureTest, AThatClauseTheParserLostIsParsedApart) {
  const std::pair<std::string, std::string> cases[] = {
      {"A lawyer for Siemens said that his client had defrauded investors.", "defraud"},
      {"The lawyer denied that the company had misled regulators.", "mislead"}};
  for (const auto& [text, predicate] : cases) {
    auto claims = ClaimsOf(text, "2008-12-16");
    const Claim* c = WithPredicate(claims, predicate);
    ASSERT_NE(c, nullptr) << text;
    EXPECT_EQ(c->modality(), claims::v1::REPORTED) << text;
  }
}

// A verb of the manner of speaking reports its quote as "said" does.
TEST_F(ClaimsFromStructureTest, AShoutedOrWhisperedQuoteIsReported) {
  const std::pair<std::string, std::string> cases[] = {
      {"\"We will rebuild the bridge,\" the mayor, Jan Kowalczyk, shouted to the crowd.",
       "rebuild"},
      {"\"The vote was rigged,\" Kowalczyk whispered.", "rig"},
      {"\"We will not leave,\" Kowalczyk repeated.", "leave"}};
  for (const auto& [text, predicate] : cases) {
    auto claims = ClaimsOf(text, "2001-05-02");
    const Claim* c = WithPredicate(claims, predicate);
    ASSERT_NE(c, nullptr) << text;
    EXPECT_EQ(c->modality(), claims::v1::REPORTED) << text;
  }
}

// "accused X, which ..., of V-ing": the relative clause between commas
// does not take the accusation's "of" phrase (sentence written for this
// test).
TEST_F(ClaimsFromStructureTest, AnAccusationKeepsItsOfPhraseAcrossARelativeClause) {
  auto claims = ClaimsOf(
      "Prime Minister Anna Berg accused the union, which represents dockers, of blocking the "
      "talks.",
      "2011-03-02");
  const Claim* c = WithPredicate(claims, "block");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->modality_source().id(), "anna-berg");
}

// "X was quoted by Y as saying S": X said S; the quoting is no claim.
TEST_F(ClaimsFromStructureTest, QuotedAsSayingIsTheQuotedPersonsSaying) {
  auto claims = ClaimsOf(
      "Vladimir Putin was quoted by the Kremlin as saying that Russia would resume gas "
      "deliveries.",
      "2009-01-12");
  const Claim* c = WithPredicate(claims, "resume");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->modality_source().id(), "vladimir-putin");
  for (const Claim& other : claims) EXPECT_NE(other.predicate(), "quote");
}

// An infinitive of a verb of saying after a comma ("..., to report only
// half of his pay") says what the act was for: it reports nothing, and
// the saying before keeps its speaker (sentence written for this test).
TEST_F(ClaimsFromStructureTest, AnInfinitiveOfSayingAfterACommaIsNoInvertedSaying) {
  auto claims = ClaimsOf(
      "Tokyo prosecutors said Mr Tanaka had conspired with another director, Ken Mori, to "
      "report only half of his pay to regulators.",
      "2019-01-11");
  const Claim* c = WithPredicate(claims, "conspire");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->modality_source().id(), "JPN-judiciary");
}

// A message sent by radio, cable, text or email is a saying (sentences
// written for this test).
TEST_F(ClaimsFromStructureTest, SayingsByRadioCableTextOrEmailReportTheirContent) {
  EXPECT_EQ(ModalityOf("The captain radioed that the ship was taking on water.", "take"),
            claims::v1::REPORTED);
  EXPECT_EQ(ModalityOf("The ambassador cabled that the regime would fall within weeks.", "fall"),
            claims::v1::REPORTED);
}

// The quotation before "X was quoted as saying" is X's (sentence written
// for this test).
TEST_F(ClaimsFromStructureTest, AQuotationBeforeQuotedAsSayingIsTheQuotedPersons) {
  auto claims = ClaimsOf(
      "\"The harvest has failed,\" Vladimir Putin was quoted as saying after the meeting.",
      "2010-08-05");
  const Claim* c = WithPredicate(claims, "fail");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->modality_source().id(), "vladimir-putin");
}

// A cleft's relative clause is the claim, its subject the stressed name:
// "it was Russia that shut off the flow" is Russia shutting it off.
TEST_F(ClaimsFromStructureTest, ACleftsRelativeClauseIsTheClaim) {
  auto said = ClaimsOf("Ukraine said it was Russia that had closed the pipeline.", "2009-01-07");
  const Claim* c = WithPredicate(said, "close");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->modality_source().id(), "UKR");
  EXPECT_THAT(Ids(c->subjects()), ElementsAre("RUS"));
  for (const Claim& other : said) EXPECT_NE(other.predicate(), "be");
  auto plain = ClaimsOf("It was Hamas that fired the rockets.");
  const Claim* f = WithPredicate(plain, "fire");
  ASSERT_NE(f, nullptr);
  EXPECT_THAT(Ids(f->subjects()), ElementsAre("hamas"));
}

TEST_F(ClaimsFromStructureTest, NegatedSayingAssertsNothingItDidNotSay) {
  auto claims = ClaimsOf("Boris Johnson did not say that Russia attacked the ship.");
  for (const Claim& c : claims) EXPECT_NE(c.predicate(), "attack");
  const Claim* c = WithPredicate(claims, "say");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::NEGATED);
}

TEST_F(ClaimsFromStructureTest, PassiveAgentIsTheSubject) {
  auto claims = ClaimsOf("The bill was passed by the Senate on Tuesday.");
  const Claim* c = WithPredicate(claims, "pass");
  ASSERT_NE(c, nullptr);
  EXPECT_THAT(Ids(c->subjects()), ElementsAre("us-senate"));
}

TEST_F(ClaimsFromStructureTest, ModalsAndConditionalsByTheirSyntax) {
  auto hedged = ClaimsOf("Toyota may cut production in the spring.");
  const Claim* c = WithPredicate(hedged, "cut");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::HEDGED);
  // The month is no modal.
  auto dated = ClaimsOf("Toyota cut production on May 2, 2024.");
  c = WithPredicate(dated, "cut");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::ASSERTED);
  auto conditional = ClaimsOf(
      "If Congress rejects the deal, Washington would impose new sanctions on Iran.");
  c = WithPredicate(conditional, "impose");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::HYPOTHETICAL);
  EXPECT_THAT(Ids(c->subjects()), ElementsAre("USA"));
  // Failing and refusing are claims of their own, as the development
  // sets' annotators read them, not a negated complement.
  auto failed = ClaimsOf("Microsoft failed to persuade regulators in Brussels.");
  c = WithPredicate(failed, "fail");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::ASSERTED);
  EXPECT_THAT(Ids(c->subjects()), ElementsAre("microsoft"));
  auto nothing = ClaimsOf("No agreement was reached between Israel and Hamas.");
  c = WithPredicate(nothing, "reach");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::NEGATED);
  // "not ... without": two negations state a requirement.
  auto requirement =
      ClaimsOf("The Kremlin cannot win the war without mobilising more troops.");
  c = WithPredicate(requirement, "win");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::ASSERTED);
  // The same with a gerund the parser may take for a noun; not with a noun
  // phrase (sentences written for this test).
  auto gerund = ClaimsOf("Germany cannot be understood without accounting for its history.");
  c = WithPredicate(gerund, "understand");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::ASSERTED);
  auto noun = ClaimsOf("Germany cannot meet its climate targets without the elimination of coal.");
  c = WithPredicate(noun, "meet");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::NEGATED);
  // A hedging verb before "not only ... but also" covers both conjuncts
  // (sentence written for this test).
  auto both = ClaimsOf(
      "The embargo now risks not only deepening Iran's recession but also pushing Tehran "
      "closer to Moscow.");
  for (const char* predicate : {"deepen", "push"}) {
    c = WithPredicate(both, predicate);
    ASSERT_NE(c, nullptr) << predicate;
    EXPECT_EQ(c->modality(), claims::v1::HEDGED) << predicate;
  }
  auto plain = ClaimsOf("The Kremlin cannot win the war.");
  c = WithPredicate(plain, "win");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::NEGATED);
}

TEST_F(ClaimsFromStructureTest, RelativeClauseAttachesToItsNoun) {
  auto claims = ClaimsOf("Iran warned Israel, which bombed Damascus last week, against escalation.");
  const Claim* c = WithPredicate(claims, "bomb");
  ASSERT_NE(c, nullptr);
  EXPECT_THAT(Ids(c->subjects()), ElementsAre("ISR"));
}

TEST_F(ClaimsFromStructureTest, GroupNounsAreSubjects) {
  auto claims = ClaimsOf("Refinery workers in France voted to extend their stoppage.");
  const Claim* c = WithPredicate(claims, "vote");
  ASSERT_NE(c, nullptr);
  EXPECT_THAT(Ids(c->subjects()), ElementsAre("FRA-labour"));
}

TEST_F(ClaimsFromStructureTest, ASubjectPhraseWithoutAnActorIsAboutTheActorInIt) {
  auto claims = ClaimsOf("Criticism within Israel grew sharply on Sunday.");
  const Claim* c = WithPredicate(claims, "grow");
  ASSERT_NE(c, nullptr);
  EXPECT_THAT(Ids(c->subjects()), ElementsAre("ISR"));
}

TEST_F(ClaimsFromStructureTest, ItInReportedContentIsTheSpeakingOrganisation) {
  auto claims = ClaimsOf("Airbus said its profit rose 29 per cent last year.");
  const Claim* c = WithPredicate(claims, "rise");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->modality_source().id(), "airbus");
  EXPECT_THAT(Ids(c->subjects()), ElementsAre("airbus"));
  // A person speaking is not "it".
  auto person = ClaimsOf("Olaf Scholz said it would rain in Berlin.");
  const Claim* rain = WithPredicate(person, "rain");
  ASSERT_NE(rain, nullptr);
  EXPECT_THAT(Ids(rain->subjects()), Not(Contains("olaf-scholz")));
}

TEST_F(ClaimsFromStructureTest, ADeniedGerundIsNegatedReportedContent) {
  auto claims = ClaimsOf("Airbus denied ignoring the warnings of its engineers.");
  const Claim* c = WithPredicate(claims, "ignore");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->content_modality(), claims::v1::NEGATED);
  EXPECT_EQ(c->modality_source().id(), "airbus");
  EXPECT_THAT(Ids(c->subjects()), ElementsAre("airbus"));
}

TEST_F(ClaimsFromStructureTest, ABeliefIsAttributedOnlyToAnActor) {
  auto held = ClaimsOf("Israeli officials believe that Hamas moved the hostages.");
  const Claim* c = WithPredicate(held, "move");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->content_modality(), claims::v1::HEDGED);
  EXPECT_EQ(c->modality_source().id(), "ISR");
  // No actor holds it: the writer hedges.
  auto data = ClaimsOf("The data suggests that Germany is slowing.");
  const Claim* d = WithPredicate(data, "slow");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->modality(), claims::v1::HEDGED);
  EXPECT_FALSE(d->has_modality_source());
}

// "It is likely that S": S is the claim, hedged; reported, S is what the
// speaker said. The copula with its empty "it" is no claim.
TEST_F(ClaimsFromStructureTest, AnExtraposedThatClauseIsTheClaim) {
  auto said = ClaimsOf("Germany said it was almost certain that Russia had moved the missiles.");
  const Claim* c = WithPredicate(said, "move");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->modality_source().id(), "DEU");
  EXPECT_THAT(Ids(c->subjects()), ElementsAre("RUS"));
  for (const Claim& other : said) EXPECT_NE(other.predicate(), "be");
  auto likely = ClaimsOf("It is likely that Russia moved the missiles.");
  const Claim* l = WithPredicate(likely, "move");
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->modality(), claims::v1::HEDGED);
}

TEST_F(ClaimsFromStructureTest, ACourtRulingIsTheCourtsContentWhereverTheParserHangsIt) {
  // The "that"-clause is parsed under "Friday", and "has" tagged AUX.
  auto claims = ClaimsOf(
      "The International Court of Justice ruled on Friday that Singapore has "
      "sovereignty over Pedra Branca.");
  const Claim* c = WithPredicate(claims, "have");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->modality_source().id(), "icj");
  EXPECT_THAT(Ids(c->subjects()), ElementsAre("SGP"));
  for (const Claim& other : claims) EXPECT_NE(other.predicate(), "rule");
  // A verb with an object of its own has no clause to attribute.
  auto gene = ClaimsOf("Chinese scientists found a gene that controls ageing.");
  const Claim* g = WithPredicate(gene, "find");
  ASSERT_NE(g, nullptr);
  for (const Claim& other : gene) EXPECT_NE(other.modality(), claims::v1::REPORTED);
}

TEST_F(ClaimsFromStructureTest, ATrailingAccordingToReportsTheMainClauseToo) {
  auto claims = ClaimsOf(
      "King Mohammed VI telephoned the players to congratulate them, according to a "
      "statement from the royal palace.");
  const Claim* c = WithPredicate(claims, "telephone");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
}

TEST_F(ClaimsFromStructureTest, TheIssuerOfADocumentIsTheSource) {
  auto claims = ClaimsOf("According to a report published by the World Bank, growth in Brazil will slow.");
  const Claim* c = WithPredicate(claims, "slow");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->modality_source().id(), "world-bank");
  for (const Claim& other : claims) EXPECT_NE(other.predicate(), "publish");
}

TEST_F(ClaimsFromStructureTest, APassiveSubjectIsSharedByItsConjunct) {
  auto claims = ClaimsOf("Israel was attacked on Saturday and retaliated within hours.");
  const Claim* c = WithPredicate(claims, "retaliate");
  ASSERT_NE(c, nullptr);
  EXPECT_THAT(Ids(c->subjects()), ElementsAre("ISR"));
}

TEST_F(ClaimsFromStructureTest, ArgumentsThatNameNoActorKeepTheirWords) {
  auto claims = ClaimsOf("Police said Ferguson posed a danger to the public.");
  const Claim* c = WithPredicate(claims, "pose");
  ASSERT_NE(c, nullptr);
  EXPECT_THAT(Ids(c->subjects()), ElementsAre("ferguson"));
  EXPECT_EQ(c->subject_text(), "");  // only when no actor is the subject
  EXPECT_EQ(c->object_text(), "a danger");
  EXPECT_EQ(c->modality_source().id(), "police");
  auto turnout = ClaimsOf("Chile's electoral service said the final turnout fell to 60 per cent.");
  const Claim* t = WithPredicate(turnout, "fall");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->subjects_size(), 0);
  EXPECT_EQ(t->subject_text(), "the final turnout");
}

TEST_F(ClaimsFromStructureTest, TheGovernmentOfAPlaceIsThatCountryNotTheLastOneNamed) {
  auto of = ClaimsOf(
      "Australian Prime Minister John Howard flew to Suva on Tuesday. The aid package was "
      "welcome, the government of Fiji said in a statement.",
      "2005-06-14");
  const Claim* c = WithPredicate(of, "be");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality_source().id(), "FJI");
  auto in = ClaimsOf(
      "Russian President Vladimir Putin met the Azerbaijani leader in Sochi. Moscow had "
      "ignored the warnings, the government in Yerevan said.",
      "2021-11-26");
  const Claim* d = WithPredicate(in, "ignore");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->modality_source().id(), "ARM");
}

TEST_F(ClaimsFromStructureTest, ACountrysGovernmentSpeaksForTheCountry) {
  auto claims = ClaimsOf(
      "Nigeria's government accused the rebels of sabotaging the pipeline near Warri.",
      "2006-02-20");
  const Claim* c = WithPredicate(claims, "sabotage");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->modality_source().id(), "NGA");
  // Governments in the plural are not the dateline's country.
  auto plural = ClaimsOf("NAIROBI - Several governments said the vote was unfair.", "2006-02-20");
  const Claim* p = WithPredicate(plural, "be");
  ASSERT_NE(p, nullptr);
  EXPECT_FALSE(p->has_modality_source());
}

TEST_F(ClaimsFromStructureTest, AGroupTitleBesideAPersonsNameIsThePerson) {
  auto after = ClaimsOf(
      "WARSAW - The budget would ruin the regions, said the opposition leader, Marta "
      "Kowalczyk.",
      "2012-05-03");
  const Claim* c = WithPredicate(after, "ruin");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality_source().type(), claims::v1::PERSON);
  EXPECT_NE(c->modality_source().id(), "POL-opposition");
  auto before = ClaimsOf(
      "BAMAKO - Army chief of staff General Ibrahim Keita told reporters that the troops "
      "had withdrawn from the north.",
      "2012-05-03");
  const Claim* d = WithPredicate(before, "withdraw");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->modality_source().type(), claims::v1::PERSON);
}

TEST_F(ClaimsFromStructureTest, ANamingVerbsComplementIsReportedWhereverTheParserHangsIt) {
  // Sentences written for this test; each was misparsed a different way.
  for (const std::string text : {
           "The opposition called the arrest of its leader an outrage and a provocation.",
           "Mayor Tom Berg called the bombing a cowardly act of terror.",
           "BRASILIA - President Lula called the decision shameful.",
           "Senator Ann Ruiz called the treaty a Trojan's horse for foreign banks.",
           // An "as" small clause, with a concession after it.
           "Monitors from the Commonwealth described the vote as mostly calm, though they "
           "noted long queues.",
           "The Kremlin described the talks as largely constructive.",
           // A quoted complement, and an apposition after it.
           "President Ana Ruiz called the protesters \"vandals\", a term her critics found "
           "offensive.",
           "Foreign Minister Lars Berg called the accord \"a triumph of patience\"."}) {
    auto claims = ClaimsOf(text, "2010-05-03");
    const Claim* c = WithPredicate(claims, "be");
    ASSERT_NE(c, nullptr) << text;
    EXPECT_EQ(c->modality(), claims::v1::REPORTED) << text;
    EXPECT_TRUE(c->has_modality_source()) << text;
  }
}

// "..., and its operator, Nordgruve, said that S": the name in apposition
// to the noun that opens the second clause speaks.
TEST_F(ClaimsFromStructureTest, ANameInAppositionAfterAndSpeaks) {
  const std::string text =
      "The mine has been closed since March, and its operator, Nordgruve, said that production "
      "would restart in the autumn.";
  const auto claims = ClaimsOf(text, "2019-05-02");
  const Claim* c = WithPredicate(claims, "restart");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->modality_source().name(), "Nordgruve");
}

// A saying or finding in a condition reports nothing yet: what it would
// say is hypothetical.
TEST_F(ClaimsFromStructureTest, ASayingInAConditionMakesItsContentHypothetical) {
  EXPECT_EQ(ModalityOf("If the envoy says that Chile will sign, the talks will end early.",
                       "sign"),
            claims::v1::HYPOTHETICAL);
  EXPECT_EQ(ModalityOf("If the tribunal found that Chile had broken the treaty, Peru would pay.",
                       "break"),
            claims::v1::HYPOTHETICAL);
  EXPECT_EQ(ModalityOf("The envoy says that Chile will sign.", "sign"), claims::v1::REPORTED);
}

// A report covers every verb of a list, however the parser chains them.
TEST_F(ClaimsFromStructureTest, AReportCoversEveryVerbOfAList) {
  const std::string text =
      "The rebels seized the airport, burned two hangars and fled into the hills, the army "
      "said.";
  const auto claims = ClaimsOf(text, "2016-04-11");
  for (const std::string predicate : {"seize", "burn", "flee"}) {
    const Claim* c = WithPredicate(claims, predicate);
    ASSERT_NE(c, nullptr) << predicate;
    EXPECT_EQ(c->modality(), claims::v1::REPORTED) << predicate;
    EXPECT_TRUE(c->has_modality_source()) << predicate;
  }
}

// A quotation of two sentences: the first names no speaker, yet is the
// speaker's words.
TEST_F(ClaimsFromStructureTest, ASentenceInsideALongerQuotationIsItsSpeakers) {
  const std::string text =
      "\"The dam will hold. We have checked every metre of it,\" Governor Ana Ruiz told "
      "reporters in Cuiaba on Monday.";
  const auto claims = ClaimsOf(text, "2021-03-02");
  const Claim* hold = ExpectReportedBy(claims, text, "hold", "ana-ruiz");
  ASSERT_NE(hold, nullptr);
  EXPECT_EQ(hold->quote().text(), "The dam will hold.");
  ExpectReportedBy(claims, text, "check", "ana-ruiz");
  // A quoted sentence after the attributed one goes on with its speaker.
  const std::string next =
      "\"We won the argument,\" Governor Ana Ruiz said on Friday.\n\n\"The coalition will "
      "survive this crisis.\"";
  ExpectReportedBy(ClaimsOf(next, "2021-03-02"), next, "survive", "ana-ruiz");
}

TEST_F(ClaimsFromStructureTest, MaintainingThatSReportsS) {
  auto claims = ClaimsOf(
      "Finance Minister Wolfgang Schaeuble maintained that the purchase of the data had been "
      "legal.",
      "2010-05-03");
  const Claim* c = WithPredicate(claims, "be");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality(), claims::v1::REPORTED);
  EXPECT_EQ(c->modality_source().id(), "wolfgang-schauble");
  // So does assuring someone that S.
  auto assured = ClaimsOf(
      "Finance Minister Wolfgang Schaeuble assured depositors that their money was safe.",
      "2010-05-03");
  const Claim* d = WithPredicate(assured, "be");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->modality(), claims::v1::REPORTED);
  EXPECT_EQ(d->modality_source().id(), "wolfgang-schauble");
}

TEST_F(ClaimsFromStructureTest, ASpokesmanSpeaksForTheOrganisationNamedWithHim) {
  auto bank = ClaimsOf("MASERU - A World Bank spokesman said the loan would be paid in June.",
                       "2014-05-03");
  const Claim* c = WithPredicate(bank, "pay");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->modality_source().id(), "world-bank");
  // The possessor of a word inside the speaker's phrase is not the speaker.
  auto party = ClaimsOf(
      "WASHINGTON - A senior aide of Obama's Democratic Party said the bill would pass.",
      "2014-05-03");
  const Claim* d = WithPredicate(party, "pass");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->modality_source().id(), "barack-obama");
}

// "X, whose father, Patrick, was shot in the back, told ...": an
// apposition inside a relative clause does not end it; X speaks.
TEST_F(ClaimsFromStructureTest, ARelativeClauseWithAnAppositionInsideItInterrupts) {
  const std::string text =
      "\"The miners have been vindicated,\" Tomas Ferrer, whose brother, Julio, was injured in "
      "the blast, told a crowd in the square.";
  ExpectReportedBy(ClaimsOf(text, "2011-06-15"), text, "vindicate", "tomas-ferrer");
}

// "X, 21, whose mother died in May, told reporters after winning the race
// that S": the relative clause after the age interrupts too, and the
// "that"-clause after the adverbial's noun is the telling's.
TEST_F(ClaimsFromStructureTest, ARelativeClauseAfterAnAgeInterruptsAndTheThatClauseIsTold) {
  const std::string text =
      "Amara Okafor, 24, whose father died in March, told reporters in Rome after winning the "
      "final on Sunday that she had dedicated the title to him.";
  ExpectReportedBy(ClaimsOf(text, "2019-05-13"), text, "dedicate", "amara-okafor");
}

// "X said S, and Y called on Z to ...": the second saying is Y's act, no
// part of X's report; inside X's quotation it stays X's.
TEST_F(ClaimsFromStructureTest, ASayingConjoinedAfterAReportIsASecondSpeakers) {
  const std::string text =
      "The Financial Conduct Authority said it was in close contact with the lender, and Hanna "
      "Lindqvist, who chairs the committee, called on the bank to explain what had gone wrong.";
  const auto claims = ClaimsOf(text, "2018-04-25");
  ExpectReportedBy(claims, text, "be", "financial-conduct-authority");
  const Claim* call = WithPredicate(claims, "call");
  ASSERT_NE(call, nullptr);
  EXPECT_NE(call->modality(), claims::v1::REPORTED);
  const std::string leader =
      "The ministry said the talks had failed, and opposition leader Jan Berg called for new "
      "elections.";
  const auto second = ClaimsOf(leader, "2018-04-25");
  const Claim* elections = WithPredicate(second, "call");
  ASSERT_NE(elections, nullptr);
  EXPECT_NE(elections->modality(), claims::v1::REPORTED);
  EXPECT_EQ(Ids(elections->subjects()), std::vector<std::string>{"jan-berg"});
  const std::string quoted =
      "Her agent, Claudio Benetti, said: \"She is devastated, but she will ask for a second "
      "test.\"";
  ExpectReportedBy(ClaimsOf(quoted, "2018-04-25"), quoted, "ask", "claudio-benetti");
}

// "..., while Mr Berg, still in the first year of his term, is battling
// ...": "while" hung as a preposition of the name opens the clause, past
// the part set off by commas; not "until this month, would act".
TEST_F(ClaimsFromStructureTest, AConjunctionHungAsAPrepositionOpensItsClause) {
  const std::string text =
      "Mr Okafor faces a collapsing coalition at home and growing criticism abroad, while Mr "
      "Berg, still in the first year of his term, is battling falling approval ratings.";
  const auto claims = ClaimsOf(text, "2021-03-02");
  const Claim* battle = WithPredicate(claims, "battle");
  ASSERT_NE(battle, nullptr);
  EXPECT_EQ(Ids(battle->subjects()), std::vector<std::string>{"berg"});
  const std::string until =
      "The council said Deputy Mayor Ana Ruiz, who served as mayor from 2016 until this month, "
      "would act as mayor until the assembly chose a successor.";
  const auto reported = ClaimsOf(until, "2021-03-02");
  const Claim* act = WithPredicate(reported, "act");
  ASSERT_NE(act, nullptr);
  EXPECT_EQ(Ids(act->subjects()), std::vector<std::string>{"ana-ruiz"});
}

// "said a dry wind coming down from the hills had pushed temperatures up":
// the participle modifies the wind, whose verb is "push up".
TEST_F(ClaimsFromStructureTest, APresentParticipleInAComplementModifiesItsNoun) {
  const std::string text =
      "A forecaster at the bureau said a warm, dry wind coming down from the mountains had pushed "
      "temperatures up for several hours.";
  const auto claims = ClaimsOf(text, "2020-02-07");
  const Claim* push = WithPredicate(claims, "push up");
  ASSERT_NE(push, nullptr);
  EXPECT_EQ(push->modality(), claims::v1::REPORTED);
}

// "X, a businessman who was elected in 2017, denied in a video posted
// online that S": the saying the tagger read as a participle (and the
// parser as a passive) is X's, and S, hung below "online", its content.
TEST_F(ClaimsFromStructureTest, ADenialAfterAnAppositionReportsItsContent) {
  const std::string text =
      "Mr Okoth, a flamboyant businessman who was elected in 2017, denied in a video posted online "
      "that he had misused county funds.";
  const auto claims = ClaimsOf(text, "2020-12-04");
  const Claim* misuse = ExpectReportedBy(claims, text, "misuse", "okoth");
  ASSERT_NE(misuse, nullptr);
  EXPECT_EQ(misuse->content_modality(), claims::v1::NEGATED);
  const std::string passive =
      "Mr Okoth, a flamboyant businessman who was elected in 2017, denied in a video posted online "
      "that he had misused county funds, and he said the vote had been bought.";
  ExpectReportedBy(ClaimsOf(passive, "2020-12-04"), passive, "misuse", "okoth");
}

}  // namespace
}  // namespace claims
