package io.sealpost.notify;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import io.sealpost.config.SettingException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Mustache templates from {@code config/templates/}, editable without a rebuild. {@code .html}
 * templates escape every value; plain-text ones do not, since there is no markup to break.
 */
public final class Templates {

    private final Path directory;
    private final MustacheFactory html = new DefaultMustacheFactory();
    private final MustacheFactory text = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, java.io.Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    public Templates(Path directory) {
        this.directory = directory;
    }

    /** Compiles a template now, so a broken or missing one stops start-up with its file name. */
    public Mustache load(String name) {
        Path file = directory.resolve(name);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return (name.contains(".html") ? html : text).compile(reader, name);
        } catch (IOException e) {
            throw new SettingException("template " + file + " cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new SettingException("template " + file + " is not valid Mustache: " + e.getMessage());
        }
    }

    public static String render(Mustache template, Map<String, ?> values) {
        StringWriter out = new StringWriter();
        template.execute(out, values);
        return out.toString();
    }
}
