package org.ccrhub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Member;
import org.ccrhub.security.Role;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Personal access tokens made, listed, revoked and checked through the service and the CLI. */
@CcrHubTest
class ApiTokensIntegrationTests {

  @Autowired ApiTokens tokens;
  @Autowired Accounts accounts;
  @Autowired Fixtures fixtures;
  @Autowired AdminCommands commands;
  @Autowired JdbcClient jdbc;

  private Member member(Partnership partnership, String email) {
    return accounts.members(partnership.id()).stream()
        .filter(m -> m.email().equals(email))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void makesATokenThatIsShownOnceAndStoredOnlyAsItsHash() {
    Partnership p = fixtures.partnership();
    Member analyst = member(p, fixtures.user(p, Role.ANALYST));

    NewApiToken made = tokens.create(p, analyst.accountId(), "  Power BI  ", 90);

    assertThat(made.secret()).matches("ccr_[A-Za-z0-9_-]{43}");
    assertThat(made.token().name()).isEqualTo("Power BI");
    assertThat(made.token().prefix()).isEqualTo(made.secret().substring(4, 12));
    assertThat(made.token().expiresAt())
        .isEqualTo(made.token().createdAt().plusSeconds(90L * 24 * 3600));
    assertThat(made.toString()).doesNotContain(made.secret());
    String stored =
        jdbc.sql("select token_hash from api_token where id = :id")
            .param("id", made.token().id())
            .query(String.class)
            .single();
    assertThat(stored).isEqualTo(ApiTokens.hash(made.secret())).isNotEqualTo(made.secret());
    assertThat(
            jdbc.sql("select count(*) from api_token where token_hash like :t or name like :t")
                .param("t", "%" + made.secret().substring(4) + "%")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    "select summary from audit_event where action = 'API_TOKEN_CREATED'"
                        + " and object_id = :id")
                .param("id", String.valueOf(made.token().id()))
                .query(String.class)
                .single())
        .contains("'Power BI'", analyst.email())
        .doesNotContain(made.secret());
  }

  @Test
  void refusesANameOrExpiryOutOfBounds() {
    Partnership p = fixtures.partnership();
    Member analyst = member(p, fixtures.user(p, Role.ANALYST));
    assertThatThrownBy(() -> tokens.create(p, analyst.accountId(), " ", 90))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Enter a name for the token");
    assertThatThrownBy(() -> tokens.create(p, analyst.accountId(), "x".repeat(101), 90))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> tokens.create(p, analyst.accountId(), "R", 366))
        .hasMessage("The number of days must be a whole number from 1 to 365");
    assertThatThrownBy(() -> tokens.create(p, analyst.accountId(), "R", 0))
        .isInstanceOf(InvalidInputException.class);
    assertThat(tokens.create(p, analyst.accountId(), "R", 365).token().name()).isEqualTo("R");
  }

  @Test
  void authenticatesOnlyALiveTokenOfAMember() {
    Partnership p = fixtures.partnership();
    Member analyst = member(p, fixtures.user(p, Role.ANALYST));
    NewApiToken made = tokens.create(p, analyst.accountId(), "R script", 30);

    ApiCaller caller = tokens.authenticate(made.secret()).orElseThrow();
    assertThat(caller.accountId()).isEqualTo(analyst.accountId());
    assertThat(caller.partnership()).isEqualTo(p);
    assertThat(caller.roles()).containsExactly(Role.ANALYST);
    assertThat(caller.tokenName()).isEqualTo("R script");
    assertThat(caller.actorName()).isEqualTo(analyst.email() + " (API token 'R script')");

    assertThat(tokens.authenticate(made.secret() + "x")).isEmpty();
    assertThat(tokens.authenticate("ccr_" + "A".repeat(43))).isEmpty();
    assertThat(tokens.authenticate(made.secret().substring(4))).isEmpty();
    assertThat(tokens.authenticate(null)).isEmpty();

    tokens.revoke(p, made.token().id(), analyst.accountId());
    assertThat(tokens.authenticate(made.secret())).isEmpty();
    assertThat(tokens.ownTokens(p, analyst.accountId()).get(0).status(Instant.now()))
        .isEqualTo(ApiToken.Status.REVOKED);
  }

  @Test
  void letsOnlyItsOwnerOrAnAdministratorRevokeAToken() {
    Partnership p = fixtures.partnership();
    Member analyst = member(p, fixtures.user(p, Role.ANALYST));
    Member viewer = member(p, fixtures.user(p, Role.VIEWER));
    Member admin = member(p, fixtures.user(p, Role.PARTNERSHIP_ADMIN));
    Partnership other = fixtures.partnership();
    Member otherAdmin = member(other, fixtures.user(other, Role.PARTNERSHIP_ADMIN));
    NewApiToken made = tokens.create(p, analyst.accountId(), "Excel", 90);

    assertThatThrownBy(() -> tokens.revoke(p, made.token().id(), viewer.accountId()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> tokens.revoke(other, made.token().id(), otherAdmin.accountId()))
        .isInstanceOf(NotFoundException.class);
    assertThat(tokens.authenticate(made.secret())).isPresent();

    assertThat(tokens.revoke(p, made.token().id(), admin.accountId()).revokedAt()).isNotNull();
    assertThat(tokens.authenticate(made.secret())).isEmpty();
    assertThat(tokens.partnershipTokens(p))
        .extracting(ApiToken::ownerEmail)
        .containsExactly(analyst.email());
    assertThat(tokens.ownTokens(p, viewer.accountId())).isEmpty();
  }

  @Test
  void createsListsAndRevokesTokensFromTheCommandLine() {
    Partnership p = fixtures.partnership();
    String email = fixtures.user(p, Role.ANALYST);

    AdminCommands.Result created =
        commands.run(
            "token",
            "create",
            "--partnership",
            p.slug(),
            "--email",
            email,
            "--name",
            "Nightly",
            "--days",
            "7");

    assertThat(created.exitCode()).as(created.err()).isZero();
    String secret =
        created.out().lines().filter(l -> l.startsWith("ccr_")).findFirst().orElseThrow();
    assertThat(created.out()).contains("Copy it now");
    ApiCaller caller = tokens.authenticate(secret).orElseThrow();
    assertThat(caller.email()).isEqualTo(email);

    AdminCommands.Result listed = commands.run("token", "list", "--partnership", p.slug());
    assertThat(listed.out())
        .contains(caller.tokenId() + "\tActive\t" + email + "\tNightly\t" + secret.substring(0, 12))
        .doesNotContain(secret);

    AdminCommands.Result revoked =
        commands.run(
            "token", "revoke", "--partnership", p.slug(), "--id", String.valueOf(caller.tokenId()));
    assertThat(revoked.exitCode()).isZero();
    assertThat(tokens.authenticate(secret)).isEmpty();

    AdminCommands.Result tooLong =
        commands.run(
            "token",
            "create",
            "--partnership",
            p.slug(),
            "--email",
            email,
            "--name",
            "N",
            "--days",
            "400");
    assertThat(tooLong.exitCode()).isEqualTo(1);
    assertThat(tooLong.err()).contains("from 1 to 365");
    AdminCommands.Result stranger =
        commands.run(
            "token",
            "create",
            "--partnership",
            p.slug(),
            "--email",
            "nobody@test.example",
            "--name",
            "N");
    assertThat(stranger.exitCode()).isEqualTo(1);
    assertThat(stranger.err()).contains("nobody@test.example is not a member of " + p.slug());
  }
}
