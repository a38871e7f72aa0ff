package org.civcheck.web.access;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The access file (JSON, default {@code ./data/access.json}): the tokens the service accepts,
 * each stored only as its SHA-256 hash (see {@link Tokens} for why not a slow hash).
 *
 * <pre>{@code
 * {"version": 2, "tokens": [{"id": "t-1a2b3c4d", "role": "unit", "unit": "u001",
 *   "algorithm": "SHA-256", "hash": "…", "created": "2026-01-05T08:00:00Z"}]}
 * }</pre>
 */
public final class AccessConfig {

    public static final Path DEFAULT_FILE = Path.of("data", "access.json");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One lock per access file (by its real path) for the threads of this JVM: a {@link FileLock}
     * keeps other processes out, but two threads of one process asking for it at once get an
     * {@link java.nio.channels.OverlappingFileLockException} instead of waiting.
     */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final List<AccessEntry> entries;
    /** hash → entry: a token is found in one lookup, whatever the number of tokens. */
    private final Map<String, AccessEntry> byHash = new HashMap<>();

    public AccessConfig(List<AccessEntry> entries) {
        this.entries = List.copyOf(entries);
        this.entries.forEach(e -> byHash.put(e.hash(), e));
    }

    /** The file's tokens; none when the file does not exist. */
    public static AccessConfig load(Path file) {
        if (!Files.exists(file)) {
            return new AccessConfig(List.of());
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
                return new AccessConfig(List.of());
            }
            FileForm form = JSON.readValue(bytes, FileForm.class);
            List<AccessEntry> list = form.tokens == null ? List.of() : form.tokens;
            for (AccessEntry e : list) {
                if (e.id() == null || e.role() == null || e.hash() == null
                        || (e.role() == AccessEntry.Role.UNIT && (e.unit() == null || e.unit().isBlank()))
                        || (e.role() == AccessEntry.Role.OFFICE && regionProblem(e.region()) != null)) {
                    throw new IllegalArgumentException("访问配置文件 " + file + " 中有不完整的条目：" + e.id());
                }
                if (!Tokens.ALGORITHM.equals(e.algorithm())) {
                    throw new IllegalArgumentException("访问配置文件 " + file + " 中的令牌 " + e.id() + " 是旧格式（"
                            + e.algorithm() + "），请用 civcheck token remove 删除后以 civcheck token add 重新生成");
                }
            }
            return new AccessConfig(list);
        } catch (IOException e) {
            throw new IllegalArgumentException("无法读取访问配置文件 " + file + "：" + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code change} holding the exclusive lock of {@code file}, for a load-change-save of the
     * file: without it two {@code token add} runs at once each read the same tokens, and the later
     * save drops the earlier one's token. Other processes are kept out by a {@link FileLock} on the
     * sibling {@code <file>.lock} (not on the file itself, which {@link #save} replaces: a lock on it
     * would guard a file no longer there), other threads of this JVM by an in-process lock. The
     * lock file is left in place; deleting it would let two runs lock two different files. Not
     * re-entrant. Readers (the running service) need no lock: {@link #save} replaces the file whole.
     */
    public static <T> T locked(Path file, Supplier<T> change) {
        Path key;
        try {
            Path absolute = file.toAbsolutePath().normalize();
            key = Files.createDirectories(absolute.getParent()).toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        if (inProcess.isHeldByCurrentThread()) {
            throw new IllegalStateException("the lock of " + key + " is already held by this thread");
        }
        inProcess.lock();
        try (FileChannel channel = FileChannel.open(key.resolveSibling(key.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            return change.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            inProcess.unlock();
        }
    }

    /**
     * Writes the file atomically (a temporary file moved over it), readable by its owner only where
     * the file system allows. A load-change-save runs inside {@link #locked}.
     */
    public void save(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".access", ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system
                }
                FileForm form = new FileForm();
                form.version = 2;
                form.tokens = entries;
                JSON.writeValue(tmp.toFile(), form);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<AccessEntry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** A new token and the config with its entry added. */
    public record Added(AccessConfig config, AccessEntry entry, String token) {}

    /** Adds a token for {@code role} (and {@code unit} for a unit token). */
    public Added add(AccessEntry.Role role, String unit) {
        return add(role, unit, null);
    }

    /**
     * Why {@code region} cannot be an office token's region, in Chinese; null when it can: the path
     * of names the unit register uses, 江苏省/南京市, from the province down, at most three names.
     */
    public static String regionProblem(String region) {
        if (region == null || region.isBlank()) {
            return "文明办令牌需要所属地区，如 江苏省/南京市";
        }
        String[] names = region.strip().split(org.civcheck.register.Region.SEPARATOR, -1);
        for (String name : names) {
            if (name.isBlank() || !name.equals(name.strip()) || name.length() > org.civcheck.register.Region.MAX_NAME) {
                return "地区“" + region + "”写法有误：从省写起，各级名称之间用“/”分隔，如 江苏省/南京市/玄武区";
            }
        }
        if (names.length > org.civcheck.register.Region.MAX_DEPTH) {
            return "地区“" + region + "”超过三级（省/市/区县）";
        }
        return null;
    }

    /** Adds a token for {@code role} ({@code unit} for a unit token, {@code region} for an office token). */
    public Added add(AccessEntry.Role role, String unit, String region) {
        if (role == AccessEntry.Role.UNIT && (unit == null || unit.isBlank())) {
            throw new IllegalArgumentException("单位令牌需要单位编号");
        }
        if (role == AccessEntry.Role.OFFICE && regionProblem(region) != null) {
            throw new IllegalArgumentException(regionProblem(region));
        }
        if (role == AccessEntry.Role.UNIT && !org.civcheck.evidence.UnitIds.isValid(unit.trim())) {
            throw new IllegalArgumentException(org.civcheck.evidence.UnitIds.problem(unit.trim()));
        }
        String token = Tokens.newToken();
        String id;
        do {
            byte[] b = new byte[4];
            new java.security.SecureRandom().nextBytes(b);
            id = "t-" + HexFormat.of().formatHex(b);
        } while (find(id).isPresent());
        AccessEntry entry = new AccessEntry(id, role, role == AccessEntry.Role.UNIT ? unit.trim() : null,
                Tokens.ALGORITHM, Tokens.hash(token),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                role == AccessEntry.Role.OFFICE ? region.strip() : null);
        List<AccessEntry> list = new ArrayList<>(entries);
        list.add(entry);
        return new Added(new AccessConfig(list), entry, token);
    }

    /** The config without token {@code id}; empty when there is no such token. */
    public Optional<AccessConfig> remove(String id) {
        List<AccessEntry> list = new ArrayList<>(entries);
        return list.removeIf(e -> e.id().equals(id)) ? Optional.of(new AccessConfig(list)) : Optional.empty();
    }

    public Optional<AccessEntry> find(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The entry {@code token} belongs to, if any. */
    public Optional<AccessEntry> match(String token) {
        if (token == null || token.isEmpty() || token.length() > Tokens.MAX_LENGTH) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(Tokens.hash(token)));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class FileForm {
        @JsonProperty("version")
        public int version = 2;
        @JsonProperty("tokens")
        public List<AccessEntry> tokens = new ArrayList<>();
    }
}
