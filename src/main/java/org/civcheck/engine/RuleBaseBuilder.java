package org.civcheck.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.civcheck.criteria.CriteriaProblem;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles the {@code .drl} files of a rules folder into a {@link RuleBase}. Compile errors come
 * back as problems naming the file and line; nothing is thrown for a bad rule.
 */
public final class RuleBaseBuilder {

    private static final AtomicLong BUILDS = new AtomicLong();

    /** What building gave: the rule base, or the compile errors. */
    public record Building(RuleBase ruleBase, List<CriteriaProblem> problems) {
        public boolean isBuilt() {
            return ruleBase != null;
        }
    }

    public Building build(Path rulesDir) {
        List<CriteriaProblem> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(rulesDir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList();
        } catch (IOException e) {
            problems.add(new CriteriaProblem(rulesDir.toString(), 0, "无法读取规则目录：" + e.getMessage()));
            return new Building(null, problems);
        }
        if (files.isEmpty()) {
            problems.add(new CriteriaProblem(rulesDir.toString(), 0, "规则目录中没有 .drl 文件"));
            return new Building(null, problems);
        }
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        MessageDigest digest = sha256();
        for (Path file : files) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                String name = file.getFileName().toString();
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
                kfs.write(ks.getResources().newByteArrayResource(bytes)
                        .setSourcePath("src/main/resources/rules/" + name)
                        .setResourceType(org.kie.api.io.ResourceType.DRL));
            } catch (IOException e) {
                problems.add(new CriteriaProblem(file.toString(), 0, "无法读取：" + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            return new Building(null, problems);
        }
        ReleaseId releaseId = ks.newReleaseId("org.civcheck.rules", "rules", "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = m.getPath() == null ? "" : Path.of(m.getPath()).getFileName().toString();
            if (m.getText().contains("Parser returned a null Package")) {
                continue; // always follows a syntax error that is already reported with its line
            }
            problems.add(new CriteriaProblem(path, m.getLine(), m.getText().replace('\n', ' ').trim()));
        }
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            return new Building(null, problems);
        }
        KieContainer container = ks.newKieContainer(releaseId);
        var kieBase = container.getKieBase();
        ks.getRepository().removeKieModule(releaseId);
        return new Building(new RuleBase(kieBase, HexFormat.of().formatHex(digest.digest()), files.size()), problems);
    }

    /**
     * The hash a build of {@code rulesDir} would give its rule base, without compiling; empty when
     * the folder cannot be read. Lets a caller keep a rule base whose files have not changed.
     */
    public java.util.Optional<String> sha256(Path rulesDir) {
        try (Stream<Path> s = Files.list(rulesDir)) {
            MessageDigest digest = sha256();
            for (Path file : s.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList()) {
                digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            return java.util.Optional.of(HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
