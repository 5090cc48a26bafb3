package io.qapi.machine.fd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The sets of descriptors of {@code add-fd}, shared by all monitors. Measured on QEMU 7.2:
 * <ul>
 *   <li>without {@code fdset-id}, a descriptor goes to a new set numbered one past the run of
 *       numbers from 0 that sets have (0, 1, 5 taken: 2);</li>
 *   <li>a negative {@code fdset-id} no set has is refused, and the descriptor closed;</li>
 *   <li>{@code remove-fd} marks descriptors removed; they are closed and dropped only while the
 *       guest runs (under {@code -S} they stay listed); a set without descriptors goes;</li>
 *   <li>when the last monitor client disconnects while the guest runs, every set is emptied
 *       (nothing here opens {@code /dev/fdset/N}, so no descriptor is in use);</li>
 *   <li>{@code query-fdsets} lists sets highest number first, each one's descriptors oldest
 *       first, the removed ones included.</li>
 * </ul>
 */
public final class FdSets {
    /** One descriptor of a set. */
    public record Member(PassedDescriptor descriptor, Optional<String> opaque, boolean removed) {
        Member removedNow() {
            return new Member(descriptor, opaque, true);
        }
    }

    /** A set, as {@code query-fdsets} lists it. */
    public record FdSet(long id, List<Member> members) {
        public FdSet {
            members = List.copyOf(members);
        }
    }

    /** Where {@code add-fd} put a descriptor. */
    public record Added(long fdsetId, int fd) {}

    private final TreeMap<Long, List<Member>> sets = new TreeMap<>();

    /** {@code add-fd}: adds {@code descriptor}, or closes it and throws when QEMU refuses. */
    public synchronized Added add(Optional<Long> fdsetId, Optional<String> opaque, PassedDescriptor descriptor) {
        long id;
        if (fdsetId.isPresent()) {
            id = fdsetId.get();
            if (id < 0 && !sets.containsKey(id)) {
                descriptor.close();
                throw new DescriptorException("Parameter 'fdset-id' expects a non-negative value");
            }
        } else {
            id = firstFreeId();
        }
        sets.computeIfAbsent(id, k -> new ArrayList<>()).add(new Member(descriptor, opaque, false));
        return new Added(id, descriptor.number());
    }

    private long firstFreeId() {
        long previous = -1;
        for (long taken : sets.keySet()) {
            if (taken != previous + 1) {
                break;
            }
            previous = taken;
        }
        return previous + 1;
    }

    /** {@code remove-fd}: marks one descriptor (or the whole set) removed; closes them if {@code running}. */
    public synchronized void remove(long fdsetId, Optional<Long> fd, boolean running) {
        List<Member> members = sets.get(fdsetId);
        if (members == null) {
            throw DescriptorException.notFound(removedName(fdsetId, fd));
        }
        if (fd.isPresent()) {
            int index = indexOf(members, fd.get());
            if (index < 0) {
                throw DescriptorException.notFound(removedName(fdsetId, fd));
            }
            members.set(index, members.get(index).removedNow());
        } else {
            members.replaceAll(Member::removedNow);
        }
        cleanUp(fdsetId, running, false);
    }

    private static int indexOf(List<Member> members, long fd) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).descriptor().number() == fd) {
                return i;
            }
        }
        return -1;
    }

    private static String removedName(long fdsetId, Optional<Long> fd) {
        return fd.map(n -> "fdset-id:" + fdsetId + ", fd:" + n).orElse("fdset-id:" + fdsetId);
    }

    /** The last monitor client disconnected: while the guest runs, every descriptor goes. */
    public synchronized void lastClientLeft(boolean running) {
        for (Long id : new ArrayList<>(sets.keySet())) {
            cleanUp(id, running, true);
        }
    }

    private void cleanUp(long fdsetId, boolean running, boolean noClients) {
        List<Member> members = sets.get(fdsetId);
        if (running) {
            members.removeIf(m -> {
                boolean goes = m.removed() || noClients;
                if (goes) {
                    m.descriptor().close();
                }
                return goes;
            });
        }
        if (members.isEmpty()) {
            sets.remove(fdsetId);
        }
    }

    /** {@code query-fdsets}: highest set first, each one's descriptors oldest first. */
    public synchronized List<FdSet> sets() {
        List<FdSet> listed = new ArrayList<>();
        for (Map.Entry<Long, List<Member>> set : sets.descendingMap().entrySet()) {
            listed.add(new FdSet(set.getKey(), set.getValue()));
        }
        return listed;
    }

    /** Closes every descriptor, as the process's end would. */
    public synchronized void closeAll() {
        sets.values().forEach(members -> members.forEach(m -> m.descriptor().close()));
        sets.clear();
    }
}
