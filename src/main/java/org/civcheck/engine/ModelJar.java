package org.civcheck.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

/**
 * Rules compiled to the executable model, as the jar Drools writes for them: the generated
 * classes, the list of model classes ({@code META-INF/kie/.../drools-model}) and the {@code .drl}
 * sources they came from. Loading one defines its classes (its own before any of the same name on
 * the class path) and builds a {@link KieBase} from the models, with no parsing and no compiling.
 */
final class ModelJar {

    private static final String MODEL_LIST = "/drools-model";
    private static final String SOURCES = "rules/";

    private final Map<String, byte[]> entries;

    private ModelJar(Map<String, byte[]> entries) {
        this.entries = entries;
    }

    static ModelJar read(byte[] jar) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (!e.isDirectory()) {
                    entries.put(e.getName(), zip.readAllBytes());
                }
            }
        }
        return new ModelJar(entries);
    }

    /** The {@code .drl} files this jar was compiled from, by file name. */
    Map<String, byte[]> sources() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> {
            if (name.startsWith(SOURCES) && name.endsWith(RuleFiles.EXTENSION) && name.indexOf('/', SOURCES.length()) < 0) {
                out.put(name.substring(SOURCES.length()), bytes);
            }
        });
        return out;
    }

    /** The Drools version that wrote the model, as its model list records it. */
    String droolsVersion() {
        return modelList().stream().filter(l -> l.startsWith("Drools-Model-Version:"))
                .map(l -> l.substring("Drools-Model-Version:".length()).trim()).findFirst().orElse("");
    }

    /** The model classes the jar lists, by name. */
    List<String> modelClasses() {
        return modelList().stream().filter(l -> !l.isBlank() && !l.startsWith("Drools-Model-Version")).map(String::trim)
                .toList();
    }

    /** Writes the generated classes under {@code classesDir}, as a compiler would. */
    void writeClasses(java.nio.file.Path classesDir) throws IOException {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey().endsWith(".class")) {
                java.nio.file.Path file = classesDir.resolve(e.getKey());
                java.nio.file.Files.createDirectories(file.getParent());
                java.nio.file.Files.write(file, e.getValue());
            }
        }
    }

    /** Defines the generated classes (beside the fact classes they use) and builds a rule base from the models. */
    KieBase load() throws ReflectiveOperationException {
        ClassLoader loader = new InMemoryClassLoader(entries, ModelJar.class.getClassLoader());
        List<Model> models = new ArrayList<>();
        for (String name : modelClasses()) {
            models.add((Model) loader.loadClass(name).getConstructor().newInstance());
        }
        if (models.isEmpty()) {
            throw new ClassNotFoundException("no model class listed in the rules jar");
        }
        return KieBaseBuilder.createKieBaseFromModel(models);
    }

    private List<String> modelList() {
        return entries.entrySet().stream().filter(e -> e.getKey().endsWith(MODEL_LIST)).findFirst()
                .map(e -> new String(e.getValue(), StandardCharsets.UTF_8).lines().toList()).orElse(List.of());
    }

    /** Classes from the jar's bytes, each defined on first use; everything else from the parent. */
    private static final class InMemoryClassLoader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> entries;

        InMemoryClassLoader(Map<String, byte[]> entries, ClassLoader parent) {
            super(parent);
            this.entries = entries;
        }

        /**
         * The jar's own classes first: the built-in rules' classes are on the class path under the same
         * package, and a generated name can repeat across compilations, so asking the parent first
         * could serve the built-in rules in place of the edited ones.
         */
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null && entries.containsKey(name.replace('.', '/') + ".class")) {
                    c = findClass(name);
                }
                if (c == null) {
                    return super.loadClass(name, resolve);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = entries.get(name.replace('.', '/') + ".class");
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }

        @Override
        public java.io.InputStream getResourceAsStream(String name) {
            byte[] b = entries.get(name);
            return b != null ? new ByteArrayInputStream(b) : super.getResourceAsStream(name);
        }
    }
}
