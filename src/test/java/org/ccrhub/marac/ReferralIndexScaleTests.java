package org.ccrhub.marac;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Repeat detection over 200,000 earlier referrals, the size of the benchmark (p95 of the search ≤
 * 20 ms). Prints the times rather than asserting them: the machine running the tests varies.
 */
class ReferralIndexScaleTests {

  private static final String[] FIRST =
      ("Aaliyah Abigail Ada Adeola Agnieszka Aisha Alice Amara Amelia Amina Amy Ana Anna Anne"
              + " Aoife Ava Beatrice Bella Bethany Bronwen Caitlin Carla Carmen Caroline Catherine"
              + " Chloe Claire Daisy Dana Deborah Diana Dorota Eilidh Elena Eleanor Elif Eliza Ella"
              + " Ellie Emily Emma Erin Esther Eva Evie Fatima Fiona Florence Freya Gemma Georgia"
              + " Grace Hannah Harriet Hayley Helen Holly Imogen Isabel Isla Ivy Jade Jane Jasmine"
              + " Jessica Joanna Julia Kate Katie Kayleigh Keisha Laura Lauren Layla Leah Lily Lucy"
              + " Lydia Maisie Maria Martha Maryam Megan Mia Millie Molly Naomi Natalia Niamh Nicola"
              + " Nina Olivia Paige Phoebe Poppy Priya Rachel Rebecca Rosa Rose Ruby Sadia Samantha"
              + " Sara Sarah Scarlett Shannon Sian Sofia Sophie Stacey Summer Tara Teresa Tia Tilly"
              + " Victoria Wiktoria Yasmin Zara Zoe Zofia")
          .split(" ");
  private static final String[] LAST =
      ("Adams Ahmed Ali Allen Anderson Bailey Baker Begum Bell Bennett Brown Campbell Carter"
              + " Chapman Clark Clarke Collins Cook Cooper Cox Davies Davis Edwards Ellis Evans"
              + " Fisher Foster Gray Green Griffiths Hall Harris Harrison Hill Hughes Hussain Jackson"
              + " James Jenkins Johnson Jones Kaur Kelly Kennedy Khan King Kowalski Lee Lewis Lloyd"
              + " Marshall Martin Mason Matthews Miah Mills Mitchell Moore Morgan Morris Murphy"
              + " Murray Nowak Okafor Owen Palmer Parker Patel Phillips Powell Price Reid Richards"
              + " Richardson Roberts Robinson Rogers Rose Russell Scott Shaw Simpson Singh Smith"
              + " Stevens Stewart Taylor Thomas Thompson Turner Walker Ward Watson White Williams"
              + " Wilson Wood Wright Young")
          .split(" ");

  @Test
  void searches200000EarlierReferralsWithoutComparingEachOne() {
    Random random = new Random(12);
    LocalDate firstReferral = LocalDate.of(2010, 4, 1);
    List<EarlierReferral> referrals = new ArrayList<>(200_000);
    List<VictimIdentity> victims = new ArrayList<>();
    long started = System.nanoTime();
    ReferralIndex index = new ReferralIndex();
    for (int i = 0; i < 200_000; i++) {
      VictimIdentity victim;
      long victimId;
      if (!victims.isEmpty() && random.nextInt(10) < 3) { // about 3 in 10 referred before
        victimId = random.nextInt(victims.size());
        victim = victims.get((int) victimId);
      } else {
        String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
        LocalDate born = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(68 * 365));
        DateOfBirthOrAge birth =
            random.nextInt(20) == 0
                ? DateOfBirthOrAge.aged(20 + random.nextInt(50))
                : DateOfBirthOrAge.born(born);
        victim =
            random.nextInt(10) == 0
                ? VictimIdentity.of(name, birth, FIRST[random.nextInt(FIRST.length)] + " Other")
                : VictimIdentity.of(name, birth);
        victimId = victims.size();
        victims.add(victim);
      }
      EarlierReferral referral =
          new EarlierReferral(
              i, victimId, firstReferral.plusDays(random.nextInt(15 * 365)), victim);
      referrals.add(referral);
      index.add(referral);
    }
    long built = System.nanoTime() - started;

    EarlierReferral known = referrals.get(150_000);
    VictimIdentity misspelled =
        VictimIdentity.of(known.victim().name() + "e", known.victim().birth());
    LocalDate referralDate = known.referralDate().plusMonths(6);

    int searches = 2_000;
    long[] times = new long[searches];
    int found = 0;
    for (int s = 0; s < searches; s++) {
      VictimIdentity victim =
          s % 2 == 0
              ? victims.get(random.nextInt(victims.size()))
              : VictimIdentity.of(
                  FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)],
                  DateOfBirthOrAge.born(
                      LocalDate.of(1940, 1, 1).plusDays(random.nextInt(68 * 365))));
      long start = System.nanoTime();
      RepeatCheck check = index.check(victim, LocalDate.of(2025, 6, 1));
      times[s] = System.nanoTime() - start;
      found += check.exactLinks().size() + check.nearMatches().size();
    }
    Arrays.sort(times);

    RepeatCheck check = index.check(misspelled, referralDate);
    assertThat(check.nearMatches())
        .anySatisfy(m -> assertThat(m.victimId()).isEqualTo(known.victimId()));
    assertThat(found).isPositive();
    System.out.printf(
        "Repeat detection over %,d referrals: index built in %,d ms; %,d searches, p50 %.3f ms,"
            + " p95 %.3f ms, max %.3f ms%n",
        index.size(),
        built / 1_000_000,
        searches,
        times[searches / 2] / 1e6,
        times[searches * 95 / 100] / 1e6,
        times[searches - 1] / 1e6);
  }
}
