import type { CopingStrategy } from '../strategy-schema.js';

/** Strategies that work through the body and the senses. Written for Peerpath in our own words. */
export const calmTheBody: CopingStrategy[] = [
  {
    id: 'box_breathing',
    kind: 'breathing',
    minutes: 4,
    text: {
      en: {
        title: 'Box breathing',
        summary: 'Slow, even breaths in four equal counts to settle a racing body.',
        steps: [
          'Sit or stand with your feet on the floor and let your shoulders drop.',
          'Breathe in through your nose while you count slowly to four.',
          'Hold the breath gently for a count of four.',
          'Breathe out through your mouth for a count of four.',
          'Wait for a count of four before the next breath. Repeat about four rounds, or until your body feels a little slower.',
        ],
        whenItHelps: 'When your heart is pounding, your thoughts race, or the urge feels physical and urgent.',
      },
      es: {
        title: 'Respiración en caja',
        summary: 'Respiraciones lentas y parejas, en cuatro tiempos iguales, para calmar un cuerpo acelerado.',
        steps: [
          'Siéntate o quédate de pie con los pies en el suelo y deja caer los hombros.',
          'Inhala por la nariz mientras cuentas despacio hasta cuatro.',
          'Sostén el aire con suavidad mientras cuentas hasta cuatro.',
          'Exhala por la boca contando hasta cuatro.',
          'Espera contando hasta cuatro antes de volver a inhalar. Repite unas cuatro veces, o hasta que sientas el cuerpo un poco más tranquilo.',
        ],
        whenItHelps: 'Cuando el corazón late fuerte, los pensamientos se aceleran o las ganas se sienten en el cuerpo, con urgencia.',
      },
    },
  },
  {
    id: 'grounding_54321',
    kind: 'grounding',
    minutes: 5,
    text: {
      en: {
        title: '5-4-3-2-1 grounding',
        summary: 'Use your five senses to bring your attention back to the place you are in.',
        steps: [
          'Name five things you can see around you, out loud or in your head.',
          'Notice four things you can touch: your clothes, the chair, the floor under your feet.',
          'Listen for three sounds, near or far.',
          'Find two things you can smell, or remember two smells you like.',
          'Notice one thing you can taste, or take a sip of water and pay attention to it.',
        ],
        whenItHelps: 'When a craving pulls you into memories or "what ifs", or you feel far away from yourself.',
      },
      es: {
        title: 'Anclaje 5-4-3-2-1',
        summary: 'Usa tus cinco sentidos para traer tu atención de vuelta al lugar donde estás.',
        steps: [
          'Nombra cinco cosas que puedas ver a tu alrededor, en voz alta o por dentro.',
          'Fíjate en cuatro cosas que puedas tocar: tu ropa, la silla, el suelo bajo tus pies.',
          'Escucha tres sonidos, cercanos o lejanos.',
          'Encuentra dos cosas que puedas oler, o recuerda dos olores que te gusten.',
          'Nota un sabor en tu boca, o toma un sorbo de agua y préstale atención.',
        ],
        whenItHelps: 'Cuando las ganas te arrastran hacia recuerdos o hacia los «y si…», o te sientes lejos de ti.',
      },
    },
  },
  {
    id: 'urge_surfing',
    kind: 'mindfulness',
    minutes: 10,
    text: {
      en: {
        title: 'Urge surfing',
        summary: 'Ride the craving like a wave: notice it rise, peak and pass without acting on it.',
        steps: [
          'Sit somewhere safe and notice where you feel the craving in your body: chest, stomach, mouth, hands.',
          'Describe it to yourself without judging it: tight, warm, buzzing, heavy.',
          'Breathe slowly and picture the urge as a wave. You are riding on top of it, not under it.',
          'Keep noticing how it changes from moment to moment. Cravings rise, peak and fade, usually within twenty to thirty minutes.',
          'When the wave gets smaller, notice that you rode it out. That is your strength at work.',
        ],
        whenItHelps: 'When the urge is strong but you have a few minutes and a safe place to sit with it.',
      },
      es: {
        title: 'Surfear la ola',
        summary: 'Deja pasar las ganas como una ola: nota cómo suben, llegan a su punto más alto y bajan, sin actuar.',
        steps: [
          'Siéntate en un lugar seguro y nota en qué parte del cuerpo sientes las ganas: el pecho, el estómago, la boca, las manos.',
          'Descríbelas sin juzgarlas: tensas, calientes, inquietas, pesadas.',
          'Respira despacio e imagina las ganas como una ola. Tú vas encima de ella, no debajo.',
          'Sigue notando cómo cambian de un momento a otro. Las ganas suben, llegan a su punto más alto y bajan, casi siempre en veinte o treinta minutos.',
          'Cuando la ola se haga más pequeña, reconoce que la surfeaste. Esa es tu fuerza.',
        ],
        whenItHelps: 'Cuando las ganas son fuertes pero tienes unos minutos y un lugar seguro donde quedarte con ellas.',
      },
    },
  },
  {
    id: 'move_your_body',
    kind: 'body',
    minutes: 10,
    text: {
      en: {
        title: 'Move your body',
        summary: "Put the craving's restless energy into a short burst of movement.",
        steps: [
          'Choose something you can do right where you are: a brisk walk, stairs, stretching, wall push-ups, dancing to one song.',
          'Start slowly for a minute to warm up.',
          'Move with more effort for five to ten minutes, enough to breathe harder while still being able to talk.',
          'Slow down and notice your breath, your heartbeat and your muscles.',
          'Check how strong the urge is now compared with before.',
        ],
        whenItHelps: 'When you feel restless, keyed up, or stuck in your head.',
      },
      es: {
        title: 'Mueve el cuerpo',
        summary: 'Lleva la energía inquieta de las ganas a un rato corto de movimiento.',
        steps: [
          'Elige algo que puedas hacer donde estás: caminar rápido, subir escaleras, estirarte, hacer flexiones contra la pared, bailar una canción.',
          'Empieza despacio durante un minuto para calentar.',
          'Muévete con más esfuerzo de cinco a diez minutos, lo bastante para respirar más fuerte sin dejar de poder hablar.',
          'Baja el ritmo y fíjate en tu respiración, tus latidos y tus músculos.',
          'Compara qué tan fuertes son las ganas ahora con las de antes.',
        ],
        whenItHelps: 'Cuando sientes inquietud o tensión, o te quedas dando vueltas en la cabeza.',
      },
    },
  },
  {
    id: 'safe_place',
    kind: 'imagery',
    minutes: 8,
    text: {
      en: {
        title: 'Visit your safe place',
        summary: 'Picture a place where you feel calm and safe, and rest there for a few minutes.',
        steps: [
          "Sit or lie down where you won't be disturbed, and close your eyes or lower your gaze.",
          'Bring to mind a place where you feel calm and safe. It can be real, remembered or imagined.',
          'Fill in the details: what you see, the sounds, the temperature, what is under your feet.',
          'Stay there for a few minutes, breathing slowly, and notice your body softening.',
          'Before you open your eyes, choose a word that brings this place back, so you can return to it any time.',
        ],
        whenItHelps: 'When everything feels like too much or you are on edge, and you have a few quiet minutes.',
      },
      es: {
        title: 'Visita tu lugar seguro',
        summary: 'Imagina un lugar donde te sientas en calma y a salvo, y descansa allí unos minutos.',
        steps: [
          'Siéntate o acuéstate donde nadie te interrumpa, y cierra los ojos o baja la mirada.',
          'Trae a tu mente un lugar donde te sientas en calma y a salvo. Puede ser real, un recuerdo o imaginado.',
          'Llénalo de detalles: lo que ves, los sonidos, la temperatura, lo que hay bajo tus pies.',
          'Quédate allí unos minutos, respirando despacio, y nota cómo tu cuerpo se afloja.',
          'Antes de abrir los ojos, elige una palabra que te devuelva a este lugar, para volver a él cuando quieras.',
        ],
        whenItHelps: 'Cuando todo te desborda o tienes los nervios de punta, y cuentas con unos minutos de calma.',
      },
    },
  },
];
