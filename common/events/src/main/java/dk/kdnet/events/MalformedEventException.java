package dk.kdnet.events;

/** An event no retry can fix; it goes to the dead-letter topic with this message as the reason. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }
}
