package dev.hookline.verify;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every scheme Hookline knows, by configuration name. */
public final class Schemes {

    private static final Map<String, Scheme> BY_NAME = Stream.of(
                    new GithubScheme(),
                    new GitlabTokenScheme(),
                    new HmacScheme(),
                    new LegacySha256Scheme(),
                    new ShopifyScheme(),
                    new SlackScheme(),
                    new StandardWebhooksScheme(),
                    new StripeScheme(),
                    new SvixScheme(),
                    new TwilioScheme())
            .collect(Collectors.toMap(Scheme::name, Function.identity(), (a, b) -> a, TreeMap::new));

    private Schemes() {
    }

    public static Optional<Scheme> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static String names() {
        return String.join(", ", BY_NAME.keySet());
    }
}
