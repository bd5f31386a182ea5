package dev.matchwave.bot.e2e;

import static dev.matchwave.bot.e2e.LadderBotHarness.WAIT;
import static dev.matchwave.bot.e2e.LadderBotHarness.ephemeralAnswer;
import static dev.matchwave.bot.e2e.LadderBotHarness.playerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.bot.web.LadderWebsite;
import dev.matchwave.emulator.EmulatedUser;
import dev.matchwave.emulator.SeenMessage;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.player.PlayerProfile;
import dev.matchwave.matchmaking.ladder.rating.LedgerCause;
import dev.matchwave.matchmaking.ladder.rating.LedgerEntry;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The ladder's web pages in a real browser: Debian's Chromium, headless, driven through its
 * chromium-driver by Selenium (nothing downloaded: the driver and the browser are given by path,
 * so Selenium Manager never runs), against the whole bot with data made through Discord and the
 * ladder. A screenshot of each page goes to {@code target/web-screenshots/} for review.
 *
 * <p>Without {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} this class fails (it
 * does not skip): CI installs both ({@code .ci/run}).
 */
class WebPagesBrowserTest extends BotEndToEndTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** A player name no page may run as markup. */
    static final String HOSTILE = "<script>alert(1)</script>";
    /** The filler players: enough for a second leaderboard page (40 rows a page). */
    static final int FILLERS = 44;

    private ChromeDriver browser;
    private Path profile;
    private final HttpClient http = HttpClient.newHttpClient();
    private EmulatedUser winner;
    private EmulatedUser loser;
    private long matchId;

    @Override
    protected LadderBotHarness.Options options() {
        return LadderBotHarness.options().withAdmin().web(false);
    }

    @BeforeAll
    void startBrowserAndMakeALadder() throws IOException {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver; .ci/run does)")
                .isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver (apt-get install chromium-driver; .ci/run does)")
                .isExecutable();
        profile = Files.createTempDirectory("matchwave-chromium-");
        ChromeOptions chrome = new ChromeOptions();
        chrome.setBinary(CHROMIUM.toFile());
        chrome.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1400");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, chrome);

        Instant now = bot.ladder().clock().instant();
        for (int i = 0; i < FILLERS; i++) {
            PlayerId id = PlayerId.of(9_100_000_000L + i);
            rated(id, "fill" + LadderBotHarness.letters(i), i % 3 == 0 ? "DE" : "FR",
                    i % 2 == 0 ? "bw_zerg" : "sc2_terran", 1000 + 10 * i, now);
        }
        rated(PlayerId.of(9_199_999_999L), HOSTILE, "DE", "sc2_terran", 3000, now);

        // A match through Discord: the zerg wins, then an admin corrects the result.
        winner = bot.newUser();
        loser = bot.newUser();
        SeenMessage zergQueue = bot.readyQuickly(winner, LadderBotHarness.Side.BW);
        SeenMessage terranQueue = bot.readyQuickly(loser, LadderBotHarness.Side.SC2);
        bot.join(winner, zergQueue);
        bot.join(loser, terranQueue);
        SeenMessage zergFound = bot.awaitMatchFound(winner);
        SeenMessage terranFound = bot.awaitMatchFound(loser);
        matchId = bot.openMatchOf(winner).id().value();
        LadderBotHarness.confirmMatch(winner, zergFound);
        LadderBotHarness.confirmMatch(loser, terranFound);
        bot.report(winner, bot.awaitDetails(winner, matchId), "1");
        bot.report(loser, bot.awaitDetails(loser, matchId), "1");
        bot.discord().await("match #" + matchId + " rated", () -> !bot.match(matchId).isOpen(), WAIT);
        assertThat(ephemeralAnswer(bot.admin().runCommand("admin resolve",
                Map.of("match_id", matchId, "result", 0, "reason", "replay shows a draw"))).text())
                .contains("Audited");
    }

    /** A registered player with a profile and one rated game in one race, through the ladder's store. */
    private void rated(PlayerId id, String name, String country, String race, int rating, Instant at) {
        var players = bot.ladder().store().players();
        players.register(id, 3, at);
        players.saveProfile(id, new PlayerProfile(name, "Tag" + id.value() % 1000 + "#4321", List.of("alt" + id.value()),
                country, "EUW"));
        bot.ladder().store().ratings().record(List.of(new RatingChange(Optional.empty(), LedgerCause.ADJUSTMENT,
                PlayerRating.fresh(id, race, Rating.points(1500)),
                new PlayerRating(id, race, Rating.points(rating), 1, 1, 0, 0, Optional.of(at)), at)), Optional.empty());
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void open(String path) {
        browser.get(bot.web().resolve(path).toString());
    }

    private void screenshot(String name) {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path dir = Path.of(System.getProperty("basedir", "."), "target", "web-screenshots");
        try {
            Files.createDirectories(dir);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<WebElement> rows(String table) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr"));
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(bot.web().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theLeaderboardPagesAndFiltersByClicking() {
        open("/leaderboard");
        int total = FILLERS + 3;
        assertThat(browser.findElement(By.id("summary")).getText()).contains("all players: " + total + " rows")
                .contains("page 1 of 2");
        assertThat(rows("leaderboard")).hasSize(40);
        assertThat(cells(rows("leaderboard").get(0))).as("the best first").contains(HOSTILE, "SC2 Terran", "3000");
        screenshot("leaderboard");

        browser.findElement(By.id("next")).click();
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().endsWith("/leaderboard?page=2"));
        assertThat(rows("leaderboard")).hasSize(total - 40);
        assertThat(cells(rows("leaderboard").get(0)).get(0)).isEqualTo("41");
        assertThat(browser.findElements(By.id("next"))).as("no page after the last").isEmpty();
        browser.findElement(By.id("previous")).click();
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().endsWith("/leaderboard"));

        new Select(browser.findElement(By.id("race"))).selectByVisibleText("SC2 Terran");
        browser.findElement(By.id("country")).sendKeys("de");
        browser.findElement(By.id("apply")).click();
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().contains("country=de"));
        assertThat(browser.getCurrentUrl()).contains("race=sc2_terran");
        List<WebElement> filtered = rows("leaderboard");
        // Fillers with an odd number (SC2 Terran) divisible by 3 (DE), and the hostile name.
        long expected = java.util.stream.IntStream.range(0, FILLERS).filter(i -> i % 2 == 1 && i % 3 == 0).count() + 1;
        assertThat(filtered).hasSize((int) expected);
        for (WebElement row : filtered) {
            assertThat(cells(row)).contains("DE", "SC2 Terran");
        }
        assertThat(new Select(browser.findElement(By.id("race"))).getFirstSelectedOption().getText())
                .as("the form shows the filters of the page").isEqualTo("SC2 Terran");
        screenshot("leaderboard-filtered");

        browser.manage().window().setSize(new Dimension(390, 844));
        open("/leaderboard");
        screenshot("leaderboard-phone");
        browser.manage().window().setSize(new Dimension(1280, 1400));
    }

    @Test
    void aPlayersChartHasThePointsOfHisLedger() {
        String name = winner.name();
        open("/players/" + name);
        assertThat(browser.findElement(By.id("player-name")).getText()).isEqualTo(name);
        List<LedgerEntry> ledger = bot.ladder().store().ratings().ledgerOf(playerOf(winner), "bw_zerg");
        List<Integer> expected = new ArrayList<>();
        expected.add(ledger.get(0).before().rating().rounded());
        ledger.forEach(e -> expected.add(e.after().rating().rounded()));
        assertThat(expected).as("won (1520), taken back (1500), a draw by the admin (1500)")
                .containsExactly(1500, 1520, 1500, 1500);
        List<Integer> drawn = browser.findElements(By.cssSelector("svg#chart-bw_zerg circle.point")).stream()
                .map(c -> Integer.parseInt(c.getDomAttribute("data-rating"))).toList();
        assertThat(drawn).isEqualTo(expected);
        assertThat(browser.findElement(By.cssSelector("svg#chart-bw_zerg polyline")).getDomAttribute("points")
                .split(" ")).hasSize(expected.size());
        assertThat(cells(rows("matches").get(0))).contains("#" + matchId, loser.name(), "draw");
        assertThat(browser.getPageSource()).as("identities are not published by default")
                .doesNotContain(winner.name() + "#1234").doesNotContain(Long.toString(winner.id()));
        screenshot("player");

        rows("matches").get(0).findElement(By.linkText("#" + matchId)).click();
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().endsWith("/matches/" + matchId));
    }

    @Test
    void aMatchPageShowsItsPlayersAndItsLedgerWithTheCorrection() {
        Match match = bot.match(matchId);
        open("/matches/" + matchId);
        assertThat(browser.findElement(By.id("result")).getText()).isEqualTo("draw (decided by an admin)");
        assertThat(browser.findElement(By.id("map")).getText()).isEqualTo(match.setup().map());
        assertThat(browser.findElement(By.id("server")).getText()).isEqualTo(match.setup().server());
        assertThat(cells(rows("players").get(0))).containsExactly(winner.name(), "BW", "BW Zerg", "1500", "1500");
        assertThat(cells(rows("players").get(1))).containsExactly(loser.name(), "SC2", "SC2 Terran", "1500", "1500");
        List<LedgerEntry> ledger = bot.ladder().store().ratings().ledgerOf(MatchId.of(matchId));
        assertThat(rows("ledger")).hasSize(ledger.size());
        assertThat(rows("ledger").stream().map(r -> cells(r).get(3)).distinct().toList())
                .containsExactly("match", "reversal", "resolution");
        screenshot("match");
    }

    @Test
    void theLivePageUpdatesItselfAfterAWave() {
        open("/live");
        JavascriptExecutor js = browser;
        js.executeScript("window.matchwaveMarker = 'not reloaded';");
        long shownBefore = liveWaves().stream().mapToLong(c -> Long.parseLong(c.get(0))).max().orElse(0);
        EmulatedUser zerg = bot.newUser();
        EmulatedUser terran = bot.newUser();
        SeenMessage zergQueue = bot.readyQuickly(zerg, LadderBotHarness.Side.BW);
        SeenMessage terranQueue = bot.readyQuickly(terran, LadderBotHarness.Side.SC2);
        bot.join(zerg, zergQueue);
        bot.join(terran, terranQueue);
        long wave = bot.ladder().queue().status().lastWave();
        bot.awaitMatchFound(zerg);
        new WebDriverWait(browser, WAIT).until(d -> liveWaves().stream()
                .anyMatch(c -> Long.parseLong(c.get(0)) > Math.max(shownBefore, wave - 1) && c.get(3).equals("1")));
        assertThat(js.executeScript("return window.matchwaveMarker;")).as("updated in place, not reloaded")
                .isEqualTo("not reloaded");
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-refreshes")).isNotNull();
        // The maximum of that wave's queue comes from its own thread: at most one pair of two players.
        new WebDriverWait(browser, WAIT).until(d -> liveWaves().stream()
                .anyMatch(c -> c.get(3).equals("1") && c.get(5).equals("1")));
        screenshot("live");
    }

    /**
     * The live page's wave rows, read in one script: the page replaces its table while it
     * refreshes, so elements found one call earlier may be gone.
     */
    @SuppressWarnings("unchecked")
    private List<List<String>> liveWaves() {
        Object rows = browser.executeScript("return Array.from(document.querySelectorAll('#waves tbody tr'))"
                + ".map(r => Array.from(r.cells).map(c => c.textContent.trim()));");
        return (List<List<String>>) rows;
    }

    @Test
    void aHostileNameIsShownAsText() throws Exception {
        open("/leaderboard");
        WebElement link = browser.findElement(By.linkText(HOSTILE));
        assertThat(link.getText()).isEqualTo(HOSTILE);
        link.click();
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().contains("/players/"));
        assertThat(browser.findElement(By.id("player-name")).getText()).isEqualTo(HOSTILE);
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        screenshot("player-hostile-name");

        HttpResponse<String> raw = get("/leaderboard");
        assertThat(raw.body()).doesNotContain(HOSTILE).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(raw.headers().firstValue("Content-Security-Policy")).contains(LadderWebsite.CONTENT_SECURITY_POLICY);
        assertThat(raw.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void unknownPagesAndBadFiltersAnswerClearPages() throws Exception {
        open("/no/such/page");
        assertThat(browser.findElement(By.id("problem-title")).getText()).isEqualTo("404: Page not found");
        screenshot("not-found");
        open("/leaderboard?race=bw_ghost&page=x");
        assertThat(browser.findElement(By.id("problem-title")).getText()).isEqualTo("400: Bad leaderboard filter");
        assertThat(browser.findElement(By.id("problems")).getText()).contains("unknown race \"bw_ghost\"")
                .contains("page must be a whole number");
        screenshot("bad-filter");

        assertThat(get("/no/such/page").statusCode()).isEqualTo(404);
        assertThat(get("/leaderboard?race=bw_ghost").statusCode()).isEqualTo(400);
        assertThat(get("/leaderboard?page=2").statusCode()).isEqualTo(200);
        assertThat(get("/leaderboard?page=3").statusCode()).as("past the last page").isEqualTo(404);
        assertThat(get("/leaderboard?page=26").statusCode()).as("past the rules' last page").isEqualTo(400);
        assertThat(get("/matches/999999").statusCode()).isEqualTo(404);
        assertThat(get("/matches/abc").statusCode()).isEqualTo(400);
        assertThat(get("/players/nobodyhere").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(bot.web().resolve("/leaderboard"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(bot.web().resolve("/live"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        URI script = bot.web().resolve("/assets/live.js");
        assertThat(http.send(HttpRequest.newBuilder(script).build(), HttpResponse.BodyHandlers.ofString()).body())
                .contains("fetch(\"/live\"");
    }
}
